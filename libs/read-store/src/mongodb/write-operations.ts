import { AnyBulkWriteOperation, Filter as MongoFilter } from 'mongodb';
import { Document, DocumentFields, DocumentWrite, WriteBatch } from '../document-store';
import { assertSettableFields } from '../settable-fields';
import { positionLong } from './positions';
import { assertStorable } from './storable';

/** The field every stored document carries: the global position of the last event applied to it. */
export const POSITION_FIELD = '_position';

/** One write of a batch with the exact position it was produced at. */
export type PositionedWrite =
  | { op: 'upsert'; id: string; document: Document; position: bigint }
  | { op: 'set'; id: string; fields: DocumentFields; position: bigint }
  | { op: 'delete'; id: string; position: bigint };

/** One collection's share of a batch, at most one write per document. */
export type CollectionWrites = { collection: string; writes: PositionedWrite[] };

/**
 * The position a document was produced at: its own `_position` (the runner stamps the position of
 * the event that last changed it), else the batch's. Documents are never altered to carry it.
 */
export const positionOf = (document: Document, batchPosition: bigint): bigint => {
  const stamped = document[POSITION_FIELD];
  if (stamped === undefined) return batchPosition;
  if (typeof stamped !== 'number' || !Number.isSafeInteger(stamped)) {
    throw new TypeError(
      `Document ${document._id}: ${POSITION_FIELD} must be a safe integer, got ${typeof stamped === 'number' ? stamped : typeof stamped}`,
    );
  }
  return BigInt(stamped);
};

/** Matches the document only when what is stored is older than `position` (or predates the guard). */
export const olderThan = (id: string, position: bigint): MongoFilter<Document> => ({
  _id: id,
  $or: [
    { [POSITION_FIELD]: { $lt: positionLong(position) } },
    { [POSITION_FIELD]: { $exists: false } },
  ],
});

const positioned = (
  collection: string,
  write: DocumentWrite,
  batchPosition: bigint,
): PositionedWrite => {
  if (write.op === 'delete') return { op: 'delete', id: write.id, position: batchPosition };
  if (write.op === 'set') {
    assertSettableFields(collection, write.id, write.fields);
    const stored = { _id: write.id, ...write.fields };
    assertStorable(collection, stored);
    return {
      op: 'set',
      id: write.id,
      fields: write.fields,
      position: positionOf(stored, batchPosition),
    };
  }
  assertStorable(collection, write.document);
  return {
    op: 'upsert',
    id: write.document._id,
    document: write.document,
    position: positionOf(write.document, batchPosition),
  };
};

/**
 * The batch's writes grouped per collection, in the order collections first appear. When a batch
 * writes the same document twice the last write wins, so no bulk write ever holds two operations
 * for one document (their order is not something every engine keeps). Throws before anything is
 * sent when a document cannot be stored.
 */
export const writesByCollection = (batch: WriteBatch): CollectionWrites[] => {
  const latest = new Map<string, Map<string, PositionedWrite>>();
  for (const write of batch.writes) {
    const writes = latest.get(write.collection) ?? new Map<string, PositionedWrite>();
    const written = positioned(write.collection, write, batch.position);
    const next = afterEarlier(writes.get(written.id), written, batch.position);
    writes.delete(next.id); // re-inserted last: the map keeps the order of each id's last write
    writes.set(next.id, next);
    latest.set(write.collection, writes);
  }
  return [...latest].map(([collection, writes]) => ({ collection, writes: [...writes.values()] }));
};

/**
 * One write standing for an earlier write of the same document and the next one: a set after an
 * upsert or a set changes what they write; a set after a delete sets nothing; any other write
 * replaces what came before.
 */
const afterEarlier = (
  earlier: PositionedWrite | undefined,
  next: PositionedWrite,
  batchPosition: bigint,
): PositionedWrite => {
  if (next.op !== 'set' || earlier === undefined) return next;
  if (earlier.op === 'delete') return earlier;
  if (earlier.op === 'set') {
    const fields = { ...earlier.fields, ...next.fields };
    return { ...next, fields, position: positionOf({ _id: next.id, ...fields }, batchPosition) };
  }
  const document = { ...earlier.document, ...next.fields };
  return { ...earlier, document, position: positionOf(document, batchPosition) };
};

/** What is stored for one id: absent, or present with its `_position` (undefined: none). */
export type StoredVersion = { position: bigint | undefined };

/**
 * Whether a write must be applied over what is stored: an upsert when nothing newer is stored, a
 * delete when there is something older to delete. Positions only grow, so an equal position is
 * the same version delivered again.
 */
export const isNewerThanStored = (
  write: PositionedWrite,
  stored: StoredVersion | undefined,
): boolean => {
  // A set changes a stored document only: it never creates one.
  if (!stored) return write.op === 'upsert';
  return stored.position === undefined || stored.position < write.position;
};

/** Inside a transaction (which read the stored versions first): by id. */
export const plainOperation = (write: PositionedWrite): AnyBulkWriteOperation<Document> => {
  if (write.op === 'delete') return { deleteOne: { filter: { _id: write.id } } };
  if (write.op === 'set') {
    return { updateOne: { filter: { _id: write.id }, update: { $set: write.fields } } };
  }
  return { replaceOne: { filter: { _id: write.id }, replacement: write.document, upsert: true } };
};

/**
 * Without a transaction: only over an older stored version. When a newer one is stored the
 * upsert's filter matches nothing and its insert fails with a duplicate key.
 */
export const guardedOperation = (write: PositionedWrite): AnyBulkWriteOperation<Document> => {
  const filter = olderThan(write.id, write.position);
  if (write.op === 'delete') return { deleteOne: { filter } };
  // No upsert: a set over nothing or over a newer version matches nothing and writes nothing.
  if (write.op === 'set') return { updateOne: { filter, update: { $set: write.fields } } };
  return { replaceOne: { filter, replacement: write.document, upsert: true } };
};
