import { EventStoreDBClient, WrongExpectedVersionError } from '@eventstore/db-client';
import { AppendResult, EventToAppend } from '../event-store';
import { WrongExpectedRevisionError } from '../errors';
import { ActualRevision, ExpectedRevision, matchesExpectedRevision } from '../expected-revision';
import { fromClientAppendResult } from './append-result-mapping';
import { toPortError } from './error-mapping';
import { toEventData } from './event-data';
import { EsdbReads } from './esdb-reads';
import { toClientExpectedRevision } from './expected-revision-mapping';
import { findRepeat, rejectIdsRepeatedInBatch } from './idempotency';

/** Revision and position reported for a stream that has no events (empty append). */
const NONE = -1n;

/**
 * How far back an append looks for its ids: the last events of the stream, one read. Repeats
 * are retries of recent appends; a repeat older than this is appended again under 'any' (and
 * refused under an exact expected revision, which the stream has moved past).
 */
export const IDEMPOTENCY_WINDOW = 500;

export type EsdbAppend = (
  streamName: string,
  events: EventToAppend[],
  expected: ExpectedRevision,
  retainLast?: number,
) => Promise<AppendResult>;

/**
 * The port's append over EventStoreDB:
 * 1. every event is checked before the client sees it (event-data.ts);
 * 2. ids repeated within the batch, or partly stored among the stream's last
 *    IDEMPOTENCY_WINDOW events, are a PartialDuplicateAppendError; a batch wholly stored there at
 *    consecutive revisions answers the stored result and writes nothing (EventStoreDB alone
 *    would append the unseen part of a partial repeat under 'any');
 * 3. otherwise the server appends atomically, checking the expected revision itself, and its
 *    idempotency by event id covers a repeat racing with this one. A refused expectation, thrown
 *    or answered (`throwOnAppendFailure: false`), reports the stream's actual revision as read
 *    from the stream: the client's own figure is wrong on its batch-append path.
 * `retainLast` sets the stream's `$maxCount` once per process: the server keeps only that many
 * of its last events (for bookkeeping streams such as process checkpoints).
 * An empty batch writes nothing: the stream's last event answers, checked against the expectation.
 */
export const createEsdbAppend = (client: EventStoreDBClient, reads: EsdbReads): EsdbAppend => {
  const retained = new Map<string, number>();

  const actualRevision = async (streamName: string): Promise<ActualRevision> => {
    const last = await reads.lastEvent(streamName);
    return last ? last.revision : 'no_stream';
  };

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

  const retain = async (streamName: string, retainLast: number | undefined): Promise<void> => {
    if (retainLast === undefined || retained.get(streamName) === retainLast) return;
    await client.setStreamMetadata(streamName, { maxCount: retainLast });
    retained.set(streamName, retainLast);
  };

  return async (streamName, events, expected, retainLast) => {
    if (events.length === 0) return currentState(streamName, expected);
    rejectIdsRepeatedInBatch(streamName, events);
    const data = events.map(toEventData);
    const stored = await reads.findStored(
      streamName,
      events.map((event) => event.id),
      IDEMPOTENCY_WINDOW,
    );
    const repeat = findRepeat(streamName, events, stored);
    if (repeat) return repeat;
    await retain(streamName, retainLast);

    let result;
    try {
      result = await client.appendToStream(streamName, data, {
        expectedRevision: toClientExpectedRevision(expected),
      });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw new WrongExpectedRevisionError(
          streamName,
          expected,
          await actualRevision(streamName),
        );
      }
      throw toPortError(error, streamName, expected);
    }
    const outcome = fromClientAppendResult(result);
    if (outcome === 'conflict') {
      throw new WrongExpectedRevisionError(streamName, expected, await actualRevision(streamName));
    }
    const position = outcome.position ?? (await reads.positionAt(streamName, outcome.nextRevision));
    return { nextRevision: outcome.nextRevision, position };
  };
};
