import { AppendResult } from '../event-store';
import { PartialDuplicateAppendError, WrongExpectedRevisionError } from '../errors';
import { ActualRevision, matchesExpectedRevision } from '../expected-revision';
import { PreparedAppend } from './sqlite-prepared-append';
import { Statements, StoredId } from './sqlite-statements';

/** Revision and position reported for a stream that has no events (empty append). */
export const NONE = -1n;

/**
 * Checks and writes one append inside the caller's IMMEDIATE transaction (its own, or a
 * savepoint of a group's): the write lock is held from BEGIN, so the revision read here cannot
 * change before the insert, across connections and processes. It sees every earlier write of the
 * same transaction. On a throw, rows it already inserted are the caller's to roll back.
 */
export const writeAppend = (statements: Statements, append: PreparedAppend): AppendResult => {
  const { streamName, events, expected } = append;
  const tip = statements.streamTip.get(streamName);
  const actual: ActualRevision = tip ? tip.stream_revision : 'no_stream';

  const repeat = findRepeat(statements, append);
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
      event.data,
      event.metadata,
      event.recordedAt,
    );
    position = BigInt(inserted.lastInsertRowid);
    revision += 1n;
  }
  return { nextRevision: revision - 1n, position };
};

/**
 * An idempotent repeat: every id is already stored in this stream, at consecutive revisions
 * in batch order. It answers with the stored result, whatever the expected revision says
 * (as EventStoreDB does). Any other overlap with stored ids is a PartialDuplicateAppendError.
 */
const findRepeat = (
  statements: Statements,
  { streamName, events }: PreparedAppend,
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
