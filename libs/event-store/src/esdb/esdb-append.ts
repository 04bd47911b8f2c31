import { EventStoreDBClient } from '@eventstore/db-client';
import { AppendResult, EventToAppend } from '../event-store';
import { WrongExpectedRevisionError } from '../errors';
import { ExpectedRevision, matchesExpectedRevision } from '../expected-revision';
import { AppendOutcome, fromClientAppendResult } from './append-result-mapping';
import { toPortError } from './error-mapping';
import { toEventData } from './event-data';
import { EsdbReads } from './esdb-reads';
import { toClientExpectedRevision } from './expected-revision-mapping';
import { findRepeat, rejectIdsRepeatedInBatch } from './idempotency';

/** Revision and position reported for a stream that has no events (empty append). */
const NONE = -1n;

export type EsdbAppend = (
  streamName: string,
  events: EventToAppend[],
  expected: ExpectedRevision,
) => Promise<AppendResult>;

/**
 * The port's append over EventStoreDB:
 * 1. ids repeated within the batch, or partly stored already, are a PartialDuplicateAppendError;
 *    a batch wholly stored at consecutive revisions answers the stored result and writes nothing
 *    (checked by reading the stream: EventStoreDB alone would append the unseen part of a partial
 *    repeat under 'any', and recognises whole repeats under 'any' only from a bounded cache);
 * 2. otherwise the server appends atomically, checking the expected revision itself, and its
 *    idempotency by event id covers a repeat racing with this one.
 * An empty batch writes nothing: the stream's last event answers, checked against the expectation.
 */
export const createEsdbAppend = (client: EventStoreDBClient, reads: EsdbReads): EsdbAppend => {
  const currentState = async (
    streamName: string,
    expected: ExpectedRevision,
  ): Promise<AppendResult> => {
    const last = await reads.lastEvent(streamName);
    const actual = last ? last.revision : 'no_stream';
    if (!matchesExpectedRevision(expected, actual)) {
      throw new WrongExpectedRevisionError(streamName, expected, actual);
    }
    return last
      ? { nextRevision: last.revision, position: last.position }
      : { nextRevision: NONE, position: NONE };
  };

  return async (streamName, events, expected) => {
    if (events.length === 0) return currentState(streamName, expected);
    rejectIdsRepeatedInBatch(streamName, events);
    const stored = await reads.findStored(
      streamName,
      events.map((event) => event.id),
    );
    const repeat = findRepeat(streamName, events, stored);
    if (repeat) return repeat;

    let outcome: AppendOutcome;
    try {
      const result = await client.appendToStream(streamName, events.map(toEventData), {
        expectedRevision: toClientExpectedRevision(expected),
      });
      outcome = fromClientAppendResult(result, streamName, expected);
    } catch (error) {
      throw toPortError(error, streamName, expected);
    }
    const position = outcome.position ?? (await reads.positionAt(streamName, outcome.nextRevision));
    return { nextRevision: outcome.nextRevision, position };
  };
};
