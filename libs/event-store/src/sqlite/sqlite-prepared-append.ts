import { EventToAppend } from '../event-store';
import { PartialDuplicateAppendError } from '../errors';
import { ExpectedRevision } from '../expected-revision';

/** An event as it will be written: serialized and stamped when the append is called. */
export type PreparedEvent = {
  id: string;
  type: string;
  data: string;
  metadata: string;
  recordedAt: string;
};

/** One appendToStream call, ready to run in whichever transaction the store gives it. */
export type PreparedAppend = {
  streamName: string;
  events: PreparedEvent[];
  expected: ExpectedRevision;
};

/**
 * Checks what needs no database and snapshots the events at call time, so an append that waits
 * for its group is unaffected by the caller changing its objects meanwhile.
 */
export const prepareAppend = (
  streamName: string,
  events: EventToAppend[],
  expected: ExpectedRevision,
): PreparedAppend => {
  rejectIdsRepeatedInBatch(streamName, events);
  return {
    streamName,
    expected,
    events: events.map((event) => ({
      id: event.id,
      type: event.type,
      data: JSON.stringify(event.data),
      metadata: JSON.stringify(event.metadata),
      recordedAt: recordedAtOf(event),
    })),
  };
};

const rejectIdsRepeatedInBatch = (streamName: string, events: EventToAppend[]): void => {
  const seen = new Set<string>();
  const repeated = events.filter((event) => seen.size === seen.add(event.id).size);
  if (repeated.length > 0) {
    throw new PartialDuplicateAppendError(streamName, [...new Set(repeated.map((e) => e.id))]);
  }
};

/** The application layer stamps `recordedAt` in the metadata; otherwise the store's clock. */
const recordedAtOf = (event: EventToAppend): string => {
  const stamped = event.metadata['recordedAt'];
  if (typeof stamped === 'string') {
    const parsed = new Date(stamped);
    if (!Number.isNaN(parsed.getTime())) return parsed.toISOString();
  }
  return new Date().toISOString();
};
