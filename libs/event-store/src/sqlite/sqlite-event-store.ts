import { EventStore } from '../event-store';
import { AppendNotifier } from './append-notifier';
import { followLog } from './follow-log';
import { createAppend } from './sqlite-append';
import { openEventDatabase, SqliteSynchronous } from './sqlite-schema';
import { MAX_REVISION, prepareStatements, toLimit, toRecordedEvent } from './sqlite-statements';

export type SqliteEventStoreOptions = {
  /** A file path (its directory is created if missing) or ':memory:'. */
  path: string;
  /**
   * 'FULL' (default): an append is durable once it returns, even across power loss.
   * 'NORMAL': in WAL mode, a power loss may drop the last appends but never corrupts the log.
   */
  synchronous?: SqliteSynchronous;
  /** How often a caught-up subscription re-reads the log to see other processes' appends. */
  pollIntervalMs?: number;
};

const DEFAULT_POLL_INTERVAL_MS = 100;

/**
 * The embedded EventStore: one SQLite connection, synchronous underneath (better-sqlite3), so
 * appends from one instance never interleave. Several instances or processes may share a file.
 */
export const createSqliteEventStore = (options: SqliteEventStoreOptions): EventStore => {
  const synchronous = options.synchronous ?? 'FULL';
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
    throw new Error(`unsupported synchronous level: ${String(synchronous)}`);
  }
  const db = openEventDatabase(options.path, synchronous);
  const statements = prepareStatements(db);
  const append = createAppend(db, statements);
  const notifier = new AppendNotifier();
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;

  const readAfter = (position: bigint, maxCount: number) =>
    statements.readAll.all(position, maxCount).map(toRecordedEvent);

  return {
    async appendToStream(streamName, events, appendOptions) {
      const result = append(streamName, events, appendOptions?.expectedRevision ?? 'any');
      if (events.length > 0) notifier.notify();
      return result;
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

    async close() {
      if (notifier.isClosed) return;
      notifier.close();
      db.close();
    },
  };
};
