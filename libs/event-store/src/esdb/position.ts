import { Position, ReadPosition, START } from '@eventstore/db-client';
import { EsdbMappingError } from './esdb-mapping-error';

/**
 * The port's global position is one bigint; EventStoreDB's is a pair `{ commit, prepare }`.
 *
 * Choice: the port position IS the commit position, and a port position converts back to
 * `{ commit: p, prepare: p }`.
 *
 * Why it is exact: since 20.x every append (gRPC) writes each event as its own prepare record
 * flagged as implicitly committed; the server reads such an event from $all with
 * `commit = prepare = that record's log position` (a byte offset in the transaction log). So each
 * event has its own commit position, distinct from every other event's, and $all is ordered by
 * it. An append reports the commit position of its last event, which is that event's position.
 *
 * What it cannot represent: events written inside an explicit transaction (the legacy TCP client
 * of EventStore 5 and earlier) share the commit position of their transaction and differ only by
 * prepare position. Mapping those to the commit alone would give several events one position and
 * silently skip the rest of a transaction on an exclusive `after`, so they are refused with an
 * EsdbMappingError instead (such data must be migrated, e.g. by re-appending, before use).
 */

/** Positions are signed 64-bit on the server; 2^64-1 is its "no position" sentinel. */
export const MAX_LOG_POSITION = 2n ** 63n - 1n;

const isLogPosition = (value: bigint): boolean => value >= 0n && value <= MAX_LOG_POSITION;

/** True when the pair is a real log position, not absent nor the sentinel. */
export const isKnownPosition = (position: Position | undefined): position is Position =>
  position !== undefined && isLogPosition(position.commit) && isLogPosition(position.prepare);

/** An event's ESDB position as the port's bigint. */
export const fromEsdbPosition = (position: Position): bigint => {
  if (!isLogPosition(position.commit) || !isLogPosition(position.prepare)) {
    throw new EsdbMappingError(
      `invalid log position (commit ${position.commit}, prepare ${position.prepare})`,
    );
  }
  if (position.commit !== position.prepare) {
    throw new EsdbMappingError(
      `event at commit ${position.commit}, prepare ${position.prepare} belongs to an explicit ` +
        'transaction: its commit position is shared with other events and cannot order them',
    );
  }
  return position.commit;
};

/** A port position back to the ESDB position of the event it names. */
export const toEsdbPosition = (position: bigint): Position => {
  if (!isLogPosition(position)) throw new RangeError(`not a log position: ${position}`);
  return { commit: position, prepare: position };
};

/**
 * Where a read or subscription of $all starts for the port's `after`: the start of the log for
 * -1n (or anything negative), else the position of the event `after` names. Subscriptions start
 * strictly after it; reads include it, so readers skip it.
 */
export const toReadPosition = (after: bigint): ReadPosition =>
  after < 0n ? START : toEsdbPosition(after);

/**
 * The position an append reports: its last event's commit position. Only the commit is used:
 * some server versions report the transaction's first position as `prepare`. Undefined when the
 * server reported none (or -1, as old servers did for some idempotent repeats).
 */
export const fromAppendPosition = (position: Position | undefined): bigint | undefined =>
  position !== undefined && isLogPosition(position.commit) ? position.commit : undefined;
