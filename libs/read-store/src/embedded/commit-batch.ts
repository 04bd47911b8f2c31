import Database from 'better-sqlite3';
import { Document, WriteBatch } from '../document-store';
import { UnserializableDocumentError } from './read-store-errors';
import { Statements } from './read-statements';

/** One document as committed: its JSON, or undefined when it was deleted. */
export type CommittedChange = { collection: string; id: string; json: string | undefined };

export type CommitBatch = (batch: WriteBatch) => CommittedChange[];

/**
 * Writes a batch in ONE SQLite transaction: its documents and its checkpoints commit together
 * or not at all, so a checkpoint never claims events whose documents were lost, nor documents
 * exist whose checkpoint was lost. (That is why `batch.position`, the per-document guard for
 * stores without transactions, is not needed here.) Writes apply in batch order, so a later
 * write of the same document wins. Documents are serialized inside the transaction: one that
 * cannot be rolls the whole batch back. Nothing in memory changes here; the caller applies the
 * returned changes only once this has returned.
 */
export const createCommitBatch = (db: Database.Database, statements: Statements): CommitBatch =>
  db.transaction((batch: WriteBatch): CommittedChange[] => {
    const changes: CommittedChange[] = [];
    for (const write of batch.writes) {
      if (write.op === 'upsert') {
        const id = write.document._id;
        const json = serialize(write.collection, write.document);
        statements.upsertDocument.run(write.collection, id, json);
        changes.push({ collection: write.collection, id, json });
      } else {
        statements.deleteDocument.run(write.collection, write.id);
        changes.push({ collection: write.collection, id: write.id, json: undefined });
      }
    }
    for (const checkpoint of batch.checkpoints) {
      statements.saveCheckpoint.run(checkpoint.name, checkpoint.position.toString());
    }
    return changes;
  });

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
