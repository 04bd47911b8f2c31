import { RecordedEvent } from '../event-store';
import { eventHash, GENESIS_HASH, storedHashOf } from './event-hash';

/** Where a stream's chain first fails to hold. */
export type BrokenLink = {
  streamName: string;
  revision: bigint;
  eventId: string;
  /** The link recomputed from what is stored, or the revision the stream should be at. */
  expected: string;
  /** The link stored with the event, or the revision found. */
  found: string;
};

/** One event's place in the chain, as an audit answer shows it. */
export type VerifiedEvent = { hash: string | undefined; verified: boolean | null };

/**
 * Walks one stream's events in revision order and checks every stored link. An event from
 * before the chain existed has no stored link; its recomputed link still chains the events
 * after it, so editing it breaks the first chained event. A gap in revisions (a deleted
 * event) is a break even when no later link is stored.
 */
export class StreamChainVerifier {
  private previous = GENESIS_HASH;
  private nextRevision = 0n;
  private brokenLink: BrokenLink | undefined;
  checked = 0;
  unchained = 0;

  constructor(readonly streamName: string) {}

  get broken(): BrokenLink | undefined {
    return this.brokenLink;
  }

  /** Checks the next event; answers its stored hash and whether the chain holds up to it. */
  add(event: RecordedEvent): VerifiedEvent {
    this.checked += 1;
    const stored = storedHashOf(event);
    if (stored === undefined) this.unchained += 1;
    if (this.brokenLink) return { hash: stored, verified: false };
    if (event.revision !== this.nextRevision) {
      this.brokenLink = {
        streamName: this.streamName,
        revision: event.revision,
        eventId: event.id,
        expected: `revision ${this.nextRevision}`,
        found: `revision ${event.revision}`,
      };
      return { hash: stored, verified: false };
    }
    this.nextRevision = event.revision + 1n;
    const computed = eventHash(this.previous, event);
    this.previous = computed;
    if (stored === undefined) return { hash: undefined, verified: null };
    if (stored !== computed) {
      this.brokenLink = {
        streamName: this.streamName,
        revision: event.revision,
        eventId: event.id,
        expected: computed,
        found: stored,
      };
      return { hash: stored, verified: false };
    }
    return { hash: stored, verified: true };
  }

  /** The link the next appended event must chain to. */
  get lastHash(): string {
    return this.previous;
  }
}

/** The link a new event of this stream chains to, from the stream's stored events. */
export const lastLinkOf = (events: readonly RecordedEvent[]): string => {
  const last = events[events.length - 1];
  if (!last) return GENESIS_HASH;
  const stored = storedHashOf(last);
  if (stored !== undefined) return stored;
  const verifier = new StreamChainVerifier(last.streamName);
  for (const event of events) verifier.add(event);
  return verifier.lastHash;
};
