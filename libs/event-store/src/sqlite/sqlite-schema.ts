import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export const EVENTS_TABLE = 'events';

export type SqliteSynchronous = 'NORMAL' | 'FULL';

/** How long a writer waits for another connection's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * `global_position` is an AUTOINCREMENT rowid, so a position is never handed out twice, even
 * if the last row were ever removed. Events are never updated or deleted by this adapter.
 * UNIQUE(stream_name, stream_revision) is both the optimistic-concurrency backstop and the
 * index stream reads use; UNIQUE(event_id) is the idempotency key.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS ${EVENTS_TABLE} (
  global_position INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_name     TEXT    NOT NULL,
  stream_revision INTEGER NOT NULL,
  event_id        TEXT    NOT NULL UNIQUE,
  type            TEXT    NOT NULL,
  data            TEXT    NOT NULL,
  metadata        TEXT    NOT NULL,
  recorded_at     TEXT    NOT NULL,
  UNIQUE (stream_name, stream_revision)
);
`;

export const isInMemoryPath = (path: string): boolean => path === ':memory:' || path === '';

/**
 * Opens (creating if needed) the event database. Files use WAL so readers never block the
 * writer; integers are read as bigint so positions and revisions keep their full 64 bits.
 */
export const openEventDatabase = (
  path: string,
  synchronous: SqliteSynchronous,
): Database.Database => {
  const inMemory = isInMemoryPath(path);
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.exec(SCHEMA);
    db.defaultSafeIntegers(true);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
};
