import Database from 'better-sqlite3';
import { AppendResult, EventToAppend } from '../event-store';
import { PartialDuplicateAppendError, WrongExpectedRevisionError } from '../errors';
import { ActualRevision, ExpectedRevision, matchesExpectedRevision } from '../expected-revision';
import { Statements, StoredId } from './sqlite-statements';

/** Revision and position reported for a stream that has no events (empty append). */
export const NONE = -1n;

export type Append = (
  streamName: string,
  events: EventToAppend[],
  expected: ExpectedRevision,
) => AppendResult;

/**
 * The whole append runs in one IMMEDIATE transaction: the write lock is taken at BEGIN, so the
 * revision read here cannot change before the insert, across connections and processes.
 */
export const createAppend = (db: Database.Database, statements: Statements): Append => {
  const append: Append = (streamName, events, expected) => {
    rejectIdsRepeatedInBatch(streamName, events);
    const tip = statements.streamTip.get(streamName);
    const actual: ActualRevision = tip ? tip.stream_revision : 'no_stream';

    const repeat = findRepeat(statements, streamName, events);
    if (repeat) return repeat;

    if (!matchesExpectedRevision(expected, actual)) {
      throw new WrongExpectedRevisionError(streamName, expected, actual);
    }
    if (events.length === 0) {
      return { nextRevision: tip?.stream_revision ?? NONE, position: tip?.global_position ?? NONE };
    }

    let revision = actual === 'no_stream' ? 0n : actual + 1n;
    let position = NONE;
    for (const event of events) {
      const inserted = statements.insert.run(
        streamName,
        revision,
        event.id,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        recordedAtOf(event),
      );
      position = BigInt(inserted.lastInsertRowid);
      revision += 1n;
    }
    return { nextRevision: revision - 1n, position };
  };
  const transaction = db.transaction(append);
  return (streamName, events, expected) => transaction.immediate(streamName, events, expected);
};

/**
 * An idempotent repeat: every id is already stored in this stream, at consecutive revisions
 * in batch order. It answers with the stored result, whatever the expected revision says
 * (as EventStoreDB does). Any other overlap with stored ids is a PartialDuplicateAppendError.
 */
const findRepeat = (
  statements: Statements,
  streamName: string,
  events: EventToAppend[],
): AppendResult | undefined => {
  const stored = events.map((event) => statements.findId.get(event.id));
  const found = stored.filter((row): row is StoredId => row !== undefined);
  if (found.length === 0) return undefined;
  const first = found[0];
  const clean =
    found.length === events.length &&
    found.every(
      (row, index) =>
        row.stream_name === streamName &&
        row.stream_revision === first.stream_revision + BigInt(index),
    );
  if (!clean) {
    const duplicateIds = events.filter((_, index) => stored[index] !== undefined).map((e) => e.id);
    throw new PartialDuplicateAppendError(streamName, duplicateIds);
  }
  const last = found[found.length - 1];
  return { nextRevision: last.stream_revision, position: last.global_position };
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
