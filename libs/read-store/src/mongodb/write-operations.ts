import { AnyBulkWriteOperation, Filter as MongoFilter } from 'mongodb';
import { Document, DocumentWrite, WriteBatch } from '../document-store';

/**
 * How a batch is written. `transactional`: plain replace/delete by id, the transaction makes the
 * batch atomic. `guarded`: every operation only wins over an older stored version (see
 * commit-batch.ts for why that is enough).
 */
export type WriteMode = 'transactional' | 'guarded';

/** The field every stored document carries: the global position of the last event applied to it. */
export const POSITION_FIELD = '_position';

/** One collection's share of a batch, as one unordered `bulkWrite`. */
export type CollectionWrites = {
  collection: string;
  operations: AnyBulkWriteOperation<Document>[];
};

/**
 * The position a document was produced at: its own `_position` (the runner stamps the position of
 * the event that last changed it), else the batch's. Documents are never altered to carry it.
 */
export const positionOf = (document: Document, batchPosition: bigint): number => {
  const stamped = document[POSITION_FIELD];
  if (stamped === undefined) return Number(batchPosition);
  if (typeof stamped !== 'number' || !Number.isFinite(stamped)) {
    throw new TypeError(
      `Document ${document._id}: ${POSITION_FIELD} must be a finite number, got ${typeof stamped}`,
    );
  }
  return stamped;
};

/** Matches the document only when what is stored is older than `position` (or predates the guard). */
export const olderThan = (id: string, position: number): MongoFilter<Document> => ({
  _id: id,
  $or: [{ [POSITION_FIELD]: { $lt: position } }, { [POSITION_FIELD]: { $exists: false } }],
});

export const documentOperation = (
  write: DocumentWrite,
  batchPosition: bigint,
  mode: WriteMode,
): AnyBulkWriteOperation<Document> => {
  if (write.op === 'delete') {
    const filter =
      mode === 'guarded' ? olderThan(write.id, Number(batchPosition)) : { _id: write.id };
    return { deleteOne: { filter } };
  }
  const { document } = write;
  const filter =
    mode === 'guarded'
      ? olderThan(document._id, positionOf(document, batchPosition))
      : { _id: document._id };
  // Stored exactly as given: the runner stamps `_position` on projection documents; one without
  // it (a parked event) is guarded by the batch position on this write and replaceable later.
  return { replaceOne: { filter, replacement: document, upsert: true } };
};

const idOf = (write: DocumentWrite): string =>
  write.op === 'delete' ? write.id : write.document._id;

/**
 * The batch's writes grouped per collection, in the order collections first appear. When a batch
 * writes the same document twice the last write wins: an unordered bulk write may run its
 * operations in any order, so it must never hold two for one document.
 */
export const writesByCollection = (batch: WriteBatch, mode: WriteMode): CollectionWrites[] => {
  const latest = new Map<string, Map<string, DocumentWrite>>();
  for (const write of batch.writes) {
    const writes = latest.get(write.collection) ?? new Map<string, DocumentWrite>();
    writes.set(idOf(write), write);
    latest.set(write.collection, writes);
  }
  return [...latest].map(([collection, writes]) => ({
    collection,
    operations: [...writes.values()].map((write) => documentOperation(write, batch.position, mode)),
  }));
};

/** In guarded mode every upsert is guarded, so a duplicate key on one means "a newer one is stored". */
export const isUpsertAt =
  (operations: readonly AnyBulkWriteOperation<Document>[]) =>
  (index: number): boolean => {
    const operation = operations[index];
    return (
      operation !== undefined && 'replaceOne' in operation && operation.replaceOne.upsert === true
    );
  };
