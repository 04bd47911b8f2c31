import { AppendResult, EventToAppend } from '../event-store';
import { PartialDuplicateAppendError } from '../errors';

/** Where an event id is already stored in the stream. */
export type StoredEvent = { revision: bigint; position: bigint };

/** EventStoreDB stores ids as UUIDs and hands them back lower-case; compare them so. */
export const idKey = (id: string): string => id.toLowerCase();

/** A batch naming the same id twice is never a clean repeat. */
export const rejectIdsRepeatedInBatch = (streamName: string, events: EventToAppend[]): void => {
  const seen = new Set<string>();
  const repeated = events.filter((event) => seen.size === seen.add(idKey(event.id)).size);
  if (repeated.length > 0) {
    throw new PartialDuplicateAppendError(streamName, [...new Set(repeated.map((e) => e.id))]);
  }
};

/**
 * The port's idempotency rule, decided from where the batch's ids are stored in the stream:
 * none stored, undefined (append); all stored at consecutive revisions in batch order, the stored
 * result (write nothing, whatever the expected revision); any other overlap,
 * PartialDuplicateAppendError. EventStoreDB alone would append the unseen part of a partial
 * repeat under 'any', hence this check before every append.
 */
export const findRepeat = (
  streamName: string,
  events: EventToAppend[],
  stored: ReadonlyMap<string, StoredEvent>,
): AppendResult | undefined => {
  const found = events.map((event) => stored.get(idKey(event.id)));
  const present = found.filter((entry): entry is StoredEvent => entry !== undefined);
  if (present.length === 0) return undefined;
  const first = present[0];
  const clean =
    present.length === events.length &&
    present.every((entry, index) => entry.revision === first.revision + BigInt(index));
  if (!clean) {
    const duplicateIds = events.filter((_, index) => found[index] !== undefined).map((e) => e.id);
    throw new PartialDuplicateAppendError(streamName, duplicateIds);
  }
  const last = present[present.length - 1];
  return { nextRevision: last.revision, position: last.position };
};
