import { createHash } from 'node:crypto';
import { JsonObject } from '../event-store';
import { canonicalJson } from './canonical-json';

/** Metadata key holding an event's link in its stream's hash chain. */
export const HASH_KEY = 'hash';

/** What an event's hash covers: its identity and content as stored. */
export type HashedEvent = {
  id: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
};

/** The link before a stream's first event. */
export const GENESIS_HASH = '';

/**
 * SHA-256 over the predecessor's hash and the event's id, type, data and metadata (its own
 * `hash` left out) in canonical JSON, as hex. Computed over what is stored, never over an
 * upcast shape, so a later upcaster cannot break verification.
 */
export const eventHash = (previousHash: string, event: HashedEvent): string => {
  const { [HASH_KEY]: _ownHash, ...metadata } = event.metadata;
  const content = canonicalJson({ id: event.id, type: event.type, data: event.data, metadata });
  return createHash('sha256').update(previousHash).update('\n').update(content).digest('hex');
};

export const storedHashOf = (event: { metadata: JsonObject }): string | undefined => {
  const value = event.metadata[HASH_KEY];
  return typeof value === 'string' ? value : undefined;
};

/**
 * Stamps each event with its link, chained from `previousHash` (the stream's last link), so
 * the chain is complete before the append; the expected revision guarantees the predecessor.
 */
export const chainEvents = <E extends HashedEvent>(previousHash: string, events: E[]): E[] => {
  let previous = previousHash;
  return events.map((event) => {
    const hash = eventHash(previous, event);
    previous = hash;
    return { ...event, metadata: { ...event.metadata, [HASH_KEY]: hash } };
  });
};
