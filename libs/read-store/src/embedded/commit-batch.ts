import Database from 'better-sqlite3';
import { Document, DocumentWrite, WriteBatch } from '../document-store';
import { assertSettableFields } from '../settable-fields';
import { CachedDocument, DocumentCache } from './document-cache';
import { entryKey, IndexEntry, indexEntriesOf } from './index-keys';
import { IndexShape, widenedShape } from './index-shape';
import { UnserializableDocumentError } from './read-store-errors';
import { SqlIndex } from './sql-index';
import { SqliteDocuments } from './sqlite-documents';
import { createSetFields } from './set-fields';

export type CommitBatch = (batch: WriteBatch) => void;

/**
 * Writes a batch in ONE SQLite transaction: its documents, their index entries and its
 * checkpoints commit together or not at all, so a checkpoint never claims events whose
 * documents were lost, nor documents exist whose checkpoint was lost. (That is why
 * `batch.position`, the per-document guard for stores without transactions, is not needed
 * here.) Writes apply in batch order, so a later write of the same document wins.
 *
 * A write costs what the document changed: one JSON.stringify, one row, and only the index
 * entries that differ from the document's previous ones (known from the cache, else from its
 * row); a collection without indexes needs no previous version at all. The cache and the
 * in-memory index flags change only once the transaction committed.
 */
export const createCommitBatch = (db: Database.Database, store: SqliteDocuments): CommitBatch => {
  const upsert = db.prepare<[string, string, string], { rid: number }>(
    `INSERT INTO docs (collection, id, doc) VALUES (?, ?, ?)
     ON CONFLICT (collection, id) DO UPDATE SET doc = excluded.doc RETURNING rid`,
  );
  const remove = db.prepare<[number]>('DELETE FROM docs WHERE rid = ?');
  const saveCheckpoint = db.prepare<[string, string]>(
    `INSERT INTO checkpoints (name, position) VALUES (?, ?)
     ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
  );

  const removeById = db.prepare<[string, string]>(
    'DELETE FROM docs WHERE collection = ? AND id = ?',
  );
  const setFields = createSetFields(db);
  const writeUnindexed = (change: DocumentWrite): CachedDocument => {
    if (change.op === 'set') {
      return (
        setFields(change.collection, change.id, change.fields) ?? {
          json: undefined,
          entries: new Map(),
        }
      );
    }
    if (change.op === 'delete') {
      removeById.run(change.collection, change.id);
      return { json: undefined, entries: new Map() };
    }
    const json = serialize(change.collection, change.document);
    const { rid } = upsert.get(change.collection, change.document._id, json) as { rid: number };
    return { json, rid, entries: new Map() };
  };

  const write = db.transaction((batch: WriteBatch) => {
    const written = new Map<string, CachedDocument>();
    const widened = new Map<SqlIndex, IndexShape>();
    const widen = (index: SqlIndex, found: ReturnType<typeof indexEntriesOf>): void => {
      const shape = widenedShape(widened.get(index) ?? index.shape, found);
      if (!shape) return;
      widened.set(index, shape);
      store.saveShape(index, shape);
    };
    for (const change of batch.writes) {
      if (change.op === 'set') assertSettableFields(change.collection, change.id, change.fields);
      const id = change.op === 'upsert' ? change.document._id : change.id;
      const key = DocumentCache.key(change.collection, id);
      const indexes = store.indexesOf(change.collection);
      if (indexes.length === 0) {
        // No index entries to replace (a generation being rebuilt): the previous version is not needed.
        written.set(key, writeUnindexed(change));
        continue;
      }
      const before = written.get(key) ?? store.known(change.collection, id);
      if (change.op === 'delete') {
        if (before.json !== undefined && before.rid !== undefined) {
          for (const index of indexes) {
            for (const entry of store.entriesIn(before, index)) index.delete(before.rid, entry);
          }
          remove.run(before.rid);
        }
        written.set(key, { json: undefined, entries: new Map() });
        continue;
      }
      if (change.op === 'set') {
        if (before.json === undefined) continue; // nothing stored: a set leaves it absent
        const after = setFields(change.collection, id, change.fields);
        if (after?.rid === undefined || after.json === undefined) continue;
        const changedFields = Object.keys(change.fields);
        let document: unknown;
        for (const index of indexes) {
          const previous = store.entriesIn(before, index);
          if (!readsAny(index.fields, changedFields)) {
            after.entries.set(index.id, previous);
            continue;
          }
          document ??= JSON.parse(after.json);
          const next = indexEntriesOf(document, index.fields);
          widen(index, next);
          replaceEntries(index, after.rid, previous, next.entries);
          after.entries.set(index.id, next.entries);
        }
        written.set(key, after);
        continue;
      }
      const json = serialize(change.collection, change.document);
      const rid = (upsert.get(change.collection, id, json) as { rid: number }).rid;
      const entries = new Map<number, IndexEntry[]>();
      for (const index of indexes) {
        const next = indexEntriesOf(change.document, index.fields);
        widen(index, next);
        const previous = before.json === undefined ? [] : store.entriesIn(before, index);
        replaceEntries(index, rid, previous, next.entries);
        entries.set(index.id, next.entries);
      }
      written.set(key, { json, rid, entries });
    }
    for (const checkpoint of batch.checkpoints) {
      saveCheckpoint.run(checkpoint.name, checkpoint.position.toString());
    }
    return { written, widened };
  });

  return (batch) => {
    const { written, widened } = write(batch);
    for (const [key, document] of written) store.cache.set(key, document);
    for (const [index, shape] of widened) index.shape = shape;
  };
};

/** Whether an index reads one of the top-level fields a set changed (itself or a path under it). */
const readsAny = (indexFields: readonly string[], changed: readonly string[]): boolean =>
  indexFields.some((path) =>
    changed.some((field) => path === field || path.startsWith(`${field}.`)),
  );

/** Deletes the entries that are gone and adds the new ones; unchanged entries are left alone. */
const replaceEntries = (
  index: SqlIndex,
  rid: number,
  previous: readonly IndexEntry[],
  next: readonly IndexEntry[],
): void => {
  const before = new Map(previous.map((entry) => [entryKey(entry), entry]));
  const after = new Set<string>();
  for (const entry of next) {
    const key = entryKey(entry);
    after.add(key);
    if (!before.has(key)) index.add(rid, entry);
  }
  for (const [key, entry] of before) if (!after.has(key)) index.delete(rid, entry);
};

const serialize = (collection: string, document: Document): string => {
  const id: unknown = document._id;
  if (typeof id !== 'string') {
    throw new TypeError(`a document of ${collection} has a non-string _id: ${String(id)}`);
  }
  try {
    return JSON.stringify(document);
  } catch (error) {
    throw new UnserializableDocumentError(collection, id, error);
  }
};
