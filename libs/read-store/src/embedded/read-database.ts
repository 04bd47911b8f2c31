import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ReadStoreInUseError } from './read-store-errors';

/**
 * `doc` is the JSON of the whole document; `position` is a bigint written as decimal text so it
 * keeps all its digits; `generations` maps a logical collection name to its physical one.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  collection TEXT NOT NULL,
  id         TEXT NOT NULL,
  doc        TEXT NOT NULL,
  PRIMARY KEY (collection, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS checkpoints (
  name     TEXT PRIMARY KEY,
  position TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS generations (
  logical  TEXT PRIMARY KEY,
  physical TEXT NOT NULL
);
`;

const isInMemoryPath = (path: string): boolean => path === ':memory:' || path === '';

/**
 * Opens (creating if needed) the read-store database.
 *
 * A file is opened in EXCLUSIVE locking mode and locked at once: the store keeps its documents
 * in memory, so a second process writing the same file would make the two silently disagree.
 * It fails immediately instead (no busy timeout) with a ReadStoreInUseError.
 *
 * WAL with synchronous=NORMAL: a power loss may drop the last commits, never corrupt the file.
 * That is acceptable here because the event log is the source of truth: a lost commit loses its
 * documents and its checkpoint together (they share one transaction), so the projection resumes
 * from the older checkpoint and re-applies the same events.
 */
export const openReadDatabase = (path: string): Database.Database => {
  const inMemory = isInMemoryPath(path);
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: 0 });
  try {
    if (!inMemory) {
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = WAL');
    }
    db.pragma('synchronous = NORMAL');
    db.exec(SCHEMA);
    // Takes the write lock now; EXCLUSIVE locking mode keeps it until close.
    db.exec('BEGIN EXCLUSIVE; COMMIT;');
    return db;
  } catch (error) {
    db.close();
    throw isBusy(error) ? new ReadStoreInUseError(path) : error;
  }
};

/**
 * By code, not `instanceof`: the native addon keeps the SqliteError class of the first copy of
 * better-sqlite3 loaded in the process, which may belong to another realm (jest gives each test
 * file its own module registry and globals, `Error` included).
 */
const isBusy = (error: unknown): boolean => {
  const code: unknown =
    typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
};
