import { Document, DocumentCollection, DocumentStore } from '../document-store';
import { createCommitBatch } from './commit-batch';
import { DocumentCache } from './document-cache';
import { openReadDatabase } from './read-database';
import { SqliteDocuments } from './sqlite-documents';

export { ReadStoreInUseError, UnserializableDocumentError } from './read-store-errors';

/** The default memory the store keeps in front of SQLite: documents, then SQLite's pages. */
export const DEFAULT_READ_CACHE_MIB = 64;

export type EmbeddedDocumentStoreOptions = {
  /** A file path (its directory is created if missing) or ':memory:'. */
  path: string;
  /**
   * Memory for caches, in MiB (default 64): half holds recently used documents, half is
   * SQLite's page cache. Everything else stays on disk, whatever the size of the read models.
   */
  cacheMiB?: number;
};

/**
 * The embedded DocumentStore: documents live in SQLite (one row of JSON each), declared
 * indexes are SQLite tables kept in the same transactions, and memory holds only a bounded
 * cache. Equality, `$in` and ranges on indexed fields run in SQL; the rest of a filter runs
 * on the rows SQL returns (mingo). Index declarations are stored, so a process that opens the
 * file without the projections (a read-only tool) uses them too. One process owns a file at a
 * time (see openReadDatabase).
 */
export const createEmbeddedDocumentStore = (
  options: EmbeddedDocumentStoreOptions,
): DocumentStore => {
  const cacheBytes = (options.cacheMiB ?? DEFAULT_READ_CACHE_MIB) * 1024 * 1024;
  const db = openReadDatabase(options.path, { pageCacheKiB: cacheBytes / 2 / 1024 });
  const documents = new SqliteDocuments(db, new DocumentCache(cacheBytes / 2));
  const commitBatch = createCommitBatch(db, documents);
  let closed = false;
  const readCheckpoint = db.prepare<[string], { position: string }>(
    'SELECT position FROM checkpoints WHERE name = ?',
  );
  const saveGeneration = db.prepare<[string, string]>(
    `INSERT INTO generations (logical, physical) VALUES (?, ?)
     ON CONFLICT (logical) DO UPDATE SET physical = excluded.physical`,
  );
  const readGeneration = db.prepare<[string], { physical: string }>(
    'SELECT physical FROM generations WHERE logical = ?',
  );

  const assertOpen = (): void => {
    if (closed) throw new Error(`read store ${options.path} is closed`);
  };

  const collection = <T extends Document>(name: string): DocumentCollection<T> => ({
    async get(id) {
      assertOpen();
      return documents.get(name, id) as T | undefined;
    },
    async getMany(ids) {
      assertOpen();
      return documents.getMany(name, ids) as Map<string, T>;
    },
    async find(filter, findOptions) {
      assertOpen();
      return documents.find(name, filter, findOptions) as T[];
    },
    async count(filter) {
      assertOpen();
      return documents.count(name, filter);
    },
  });

  return {
    collection,
    async ensureIndexes(name, indexes) {
      assertOpen();
      documents.ensureIndexes(name, indexes);
    },
    async commit(batch) {
      assertOpen();
      commitBatch(batch);
    },
    async checkpoint(name) {
      assertOpen();
      const row = readCheckpoint.get(name);
      return row === undefined ? undefined : BigInt(row.position);
    },
    async dropCollection(name) {
      assertOpen();
      documents.drop(name);
    },
    async activeGeneration(logicalName) {
      assertOpen();
      return readGeneration.get(logicalName)?.physical;
    },
    async switchGeneration(logicalName, physicalName) {
      assertOpen();
      saveGeneration.run(logicalName, physicalName);
    },
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
};
