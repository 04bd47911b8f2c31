import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ReadStoreInUseError } from './read-store-errors';

const INDEXES_TABLE = `
CREATE TABLE IF NOT EXISTS indexes (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  collection TEXT NOT NULL,
  fields     TEXT NOT NULL,
  plain      INTEGER NOT NULL,
  sparse     INTEGER NOT NULL,
  arrays     INTEGER,
  UNIQUE (collection, fields)
);
`;

/**
 * `docs` holds every document as JSON, one row per (collection, id), with an integer `rid` the
 * index tables point at. `indexes` records every declared index (its fields and its shape: see
 * IndexShape); each has its own table `ix_<id>` with one column per field.
 * `position` is a bigint written as decimal text so it keeps all its digits; `generations` maps
 * a logical collection name to its physical one.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS docs (
  rid        INTEGER PRIMARY KEY,
  collection TEXT NOT NULL,
  id         TEXT NOT NULL,
  doc        TEXT NOT NULL,
  UNIQUE (collection, id)
);
${INDEXES_TABLE}CREATE TABLE IF NOT EXISTS checkpoints (
  name     TEXT PRIMARY KEY,
  position TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS generations (
  logical  TEXT PRIMARY KEY,
  physical TEXT NOT NULL
);
`;

/** Files written before documents moved to `docs` kept them in `documents`: carried over once. */
const MIGRATE_DOCUMENTS = `
INSERT INTO docs (collection, id, doc) SELECT collection, id, doc FROM documents;
DROP TABLE documents;
`;

/**
 * The layout of the index tables. A file older than layout 3 loses its index tables and
 * declarations (documents stay): the projections declare them again and they are refilled.
 * Layout 4 records which fields held arrays (`arrays`); a layout 3 file gets the column, NULL:
 * what its indexes that are not plain held is unknown, so SQL answers no query from them alone
 * until they are built again (a rebuild declares fresh ones). Layout 3 records which columns are
 * sparse; layout 2 counted a missing field as not plain.
 */
const INDEX_LAYOUT = 4;
const OLDEST_KEPT_LAYOUT = 3;

const addArraysColumn = (db: Database.Database): void => {
  db.exec('ALTER TABLE indexes ADD COLUMN arrays INTEGER');
  db.pragma(`user_version = ${INDEX_LAYOUT}`);
};

const dropIndexTables = (db: Database.Database): void => {
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'ix_[0-9]*'",
    )
    .all();
  for (const { name } of tables) db.exec(`DROP TABLE ${name}`);
  db.exec('DROP TABLE indexes');
  db.exec(INDEXES_TABLE);
  db.pragma(`user_version = ${INDEX_LAYOUT}`);
};

const isInMemoryPath = (path: string): boolean => path === ':memory:' || path === '';

export type ReadDatabaseOptions = {
  /** SQLite's page cache for this file, in KiB. */
  pageCacheKiB: number;
};

/**
 * Opens (creating if needed) the read-store database.
 *
 * A file is opened in EXCLUSIVE locking mode and locked at once: the store caches documents in
 * memory, so a second process writing the same file would make the two silently disagree.
 * It fails immediately instead (no busy timeout) with a ReadStoreInUseError.
 *
 * WAL with synchronous=NORMAL: a power loss may drop the last commits, never corrupt the file.
 * That is acceptable here because the event log is the source of truth: a lost commit loses its
 * documents and its checkpoint together (they share one transaction), so the projection resumes
 * from the older checkpoint and re-applies the same events.
 */
export const openReadDatabase = (path: string, options: ReadDatabaseOptions): Database.Database => {
  const inMemory = isInMemoryPath(path);
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: 0 });
  try {
    if (!inMemory) {
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = WAL');
    }
    db.pragma('synchronous = NORMAL');
    db.pragma(`cache_size = -${Math.max(64, Math.floor(options.pageCacheKiB))}`);
    db.pragma('temp_store = FILE');
    // Takes the write lock now; EXCLUSIVE locking mode keeps it until close.
    db.exec('BEGIN EXCLUSIVE');
    db.exec(SCHEMA);
    if (hasTable(db, 'documents')) db.exec(MIGRATE_DOCUMENTS);
    const layout = Number(db.pragma('user_version', { simple: true }));
    if (layout < OLDEST_KEPT_LAYOUT) dropIndexTables(db);
    else if (layout < INDEX_LAYOUT) addArraysColumn(db);
    db.exec('COMMIT');
    return db;
  } catch (error) {
    db.close();
    throw isBusy(error) ? new ReadStoreInUseError(path) : error;
  }
};

const hasTable = (db: Database.Database, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !==
  undefined;

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
