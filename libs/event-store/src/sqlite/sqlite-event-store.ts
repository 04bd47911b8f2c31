import { EventStore } from '../event-store';
import { AppendNotifier } from './append-notifier';
import { followLog } from './follow-log';
import { AppendCommitter, CommitListener } from './sqlite-committer';
import { createGroupCommitter } from './sqlite-group-commit';
import { createGroupTransaction } from './sqlite-group-transaction';
import { prepareAppend } from './sqlite-prepared-append';
import { openEventDatabase, SqliteSynchronous } from './sqlite-schema';
import { createSingleCommitter } from './sqlite-single-commit';
import { MAX_REVISION, prepareStatements, toLimit, toRecordedEvent } from './sqlite-statements';

export type SqliteEventStoreOptions = {
  /** A file path (its directory is created if missing) or ':memory:'. */
  path: string;
  /**
   * 'FULL' (default): an append is durable once it resolves, even across power loss.
   * 'NORMAL': in WAL mode, a power loss may drop the last appends but never corrupts the log.
   */
  synchronous?: SqliteSynchronous;
  /** How often a caught-up subscription re-reads the log to see other processes' appends. */
  pollIntervalMs?: number;
  /**
   * true (default): appends called in the same turn of the event loop share one transaction,
   * so one sync to disk, each in its own savepoint with exactly its own checks, result and
   * failure; each resolves once that transaction has committed. false: one transaction each.
   */
  groupCommit?: boolean;
};

/** Adapter-specific counters, for tests and benchmarks; not part of the EventStore port. */
export type SqliteEventStoreStats = {
  /** Append transactions this instance committed (each one sync to disk). */
  commits: number;
  /** Appends answered by those transactions, successful or not. */
  appends: number;
};

export type SqliteEventStore = EventStore & { stats(): SqliteEventStoreStats };

const DEFAULT_POLL_INTERVAL_MS = 100;

/**
 * The embedded EventStore: one SQLite connection, synchronous underneath (better-sqlite3), so
 * transactions from one instance never interleave. Several instances or processes may share a
 * file.
 */
export const createSqliteEventStore = (options: SqliteEventStoreOptions): SqliteEventStore => {
  const synchronous = options.synchronous ?? 'FULL';
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
    throw new Error(`unsupported synchronous level: ${String(synchronous)}`);
  }
  const db = openEventDatabase(options.path, synchronous);
  const statements = prepareStatements(db);
  const notifier = new AppendNotifier();
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const stats: SqliteEventStoreStats = { commits: 0, appends: 0 };

  const onCommit: CommitListener = ({ appends, wroteEvents }) => {
    stats.commits += 1;
    stats.appends += appends;
    if (wroteEvents) notifier.notify();
  };
  const committer: AppendCommitter =
    options.groupCommit === false
      ? createSingleCommitter(db, statements, onCommit)
      : createGroupCommitter(createGroupTransaction(db, statements), onCommit);

  const readAfter = (position: bigint, maxCount: number) =>
    statements.readAll.all(position, maxCount).map(toRecordedEvent);

  return {
    async appendToStream(streamName, events, appendOptions) {
      const expected = appendOptions?.expectedRevision ?? 'any';
      return committer.append(prepareAppend(streamName, events, expected));
    },

    async readStream(streamName, readOptions = {}) {
      const limit = toLimit(readOptions.maxCount);
      const rows =
        readOptions.direction === 'backwards'
          ? statements.readStreamBackwards.all(
              streamName,
              readOptions.fromRevision ?? MAX_REVISION,
              limit,
            )
          : statements.readStreamForwards.all(streamName, readOptions.fromRevision ?? 0n, limit);
      return rows.map(toRecordedEvent);
    },

    async readAll(readOptions = {}) {
      return readAfter(readOptions.after ?? -1n, toLimit(readOptions.maxCount));
    },

    subscribeToAll(subscribeOptions = {}) {
      return followLog(
        { readAfter, notifier, pollIntervalMs },
        subscribeOptions.after ?? -1n,
        subscribeOptions.signal,
      );
    },

    async headPosition() {
      return statements.headPosition.get()?.head ?? -1n;
    },

    stats() {
      return { ...stats };
    },

    async close() {
      if (notifier.isClosed) return;
      committer.drain();
      notifier.close();
      db.close();
    },
  };
};
