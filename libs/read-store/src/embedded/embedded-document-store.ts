import { Document, DocumentCollection, DocumentStore } from '../document-store';
import { CommittedChange, createCommitBatch } from './commit-batch';
import { loadCollections } from './load-collections';
import { MemoryCollection } from './memory-collection';
import { openReadDatabase } from './read-database';
import { prepareStatements } from './read-statements';
import { countIn, findIn } from './run-query';

export { ReadStoreInUseError, UnserializableDocumentError } from './read-store-errors';

export type EmbeddedDocumentStoreOptions = {
  /** A file path (its directory is created if missing) or ':memory:'. */
  path: string;
};

/**
 * The embedded DocumentStore: every document lives in memory (one map per physical collection,
 * queried with mingo, narrowed by in-memory hash indexes) and is written through to SQLite, from
 * which it is loaded again on open. One process owns a file at a time (see openReadDatabase).
 *
 * Memory only ever holds what SQLite committed: a commit writes its transaction first and
 * applies the same JSON to memory after, so memory mirrors the file exactly. Index declarations
 * are not stored; projections declare them again at start-up (`ensureIndexes`).
 */
export const createEmbeddedDocumentStore = (
  options: EmbeddedDocumentStoreOptions,
): DocumentStore => {
  const db = openReadDatabase(options.path);
  let closed = false;
  const statements = prepareStatements(db);
  const commitBatch = createCommitBatch(db, statements);
  const collections = loadCollections(statements);

  const assertOpen = (): void => {
    if (closed) throw new Error(`read store ${options.path} is closed`);
  };

  const existing = (name: string): MemoryCollection | undefined => {
    assertOpen();
    return collections.get(name);
  };

  const created = (name: string): MemoryCollection => {
    let collection = collections.get(name);
    if (!collection) {
      collection = new MemoryCollection();
      collections.set(name, collection);
    }
    return collection;
  };

  const apply = (change: CommittedChange): void => {
    const document = change.json === undefined ? undefined : (JSON.parse(change.json) as Document);
    created(change.collection).set(change.id, document);
  };

  const collection = <T extends Document>(name: string): DocumentCollection<T> => ({
    async get(id) {
      const document = existing(name)?.get(id);
      return document === undefined ? undefined : (structuredClone(document) as T);
    },
    async getMany(ids) {
      const found = new Map<string, T>();
      const source = existing(name);
      for (const id of ids) {
        const document = source?.get(id);
        if (document !== undefined) found.set(id, structuredClone(document) as T);
      }
      return found;
    },
    async find(filter, findOptions) {
      const source = existing(name);
      return source ? (findIn(source.candidates(filter), filter, findOptions) as T[]) : [];
    },
    async count(filter) {
      const source = existing(name);
      return source ? countIn(source.candidates(filter), filter) : 0;
    },
  });

  return {
    collection,

    async ensureIndexes(name, indexes) {
      assertOpen();
      const target = created(name);
      for (const index of indexes) target.ensureIndex(index);
    },

    async commit(batch) {
      assertOpen();
      const changes = commitBatch(batch);
      for (const change of changes) apply(change);
    },

    async checkpoint(name) {
      assertOpen();
      const row = statements.readCheckpoint.get(name);
      return row === undefined ? undefined : BigInt(row.position);
    },

    async dropCollection(name) {
      assertOpen();
      statements.dropCollection.run(name);
      collections.delete(name);
    },

    async activeGeneration(logicalName) {
      assertOpen();
      return statements.readGeneration.get(logicalName)?.physical;
    },

    async switchGeneration(logicalName, physicalName) {
      assertOpen();
      statements.saveGeneration.run(logicalName, physicalName);
    },

    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
};
