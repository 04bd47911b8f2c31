import { Db, MongoClient } from 'mongodb';
import { Document, WriteBatch } from '../document-store';
import { CHECKPOINTS_COLLECTION, CheckpointDocument, checkpointOperations } from './checkpoints';
import { isOnlyStaleWriteRejections } from './mongo-errors';
import { TransactionSwitch } from './transaction-switch';
import { isUpsertAt, writesByCollection } from './write-operations';

/*
 * Exactly-once effects from at-least-once delivery.
 *
 * The runner reads the log from the last checkpoint, so after a crash it sees again every event
 * after that checkpoint, some of which may already be reflected in stored documents.
 *
 * With transactions the question never arises: the documents and the checkpoints of a batch
 * commit together or not at all, so the checkpoint is always exactly where the documents are and
 * a redelivered event is one whose effects were never stored.
 *
 * Without transactions (a standalone server) a crash can land between writes, so the documents may
 * be ahead of the checkpoint. Three rules make replaying harmless:
 * 1. Every document the runner writes carries `_position`, the global position of the last event
 *    applied to it (a write without one is guarded by the batch position), and a write replaces
 *    (or deletes) a stored document only when its stored `_position` is lower. Global
 *    positions only grow, so each document converges to the version of the highest position
 *    written, whatever the order or number of deliveries: writing the same version again, or an
 *    older one, changes nothing. When the stored version is equal or newer the guarded upsert's
 *    filter matches nothing, the server tries to insert, and the `_id` clash (duplicate key,
 *    11000) is the answer "already there", which is ignored.
 * 2. Checkpoints are written only after every document of the batch is stored, so a checkpoint
 *    never claims effects that are missing; at worst it is behind, and that only causes
 *    redelivery, which rule 1 absorbs.
 * 3. A checkpoint never moves backwards: a delayed or repeated commit of an older batch cannot
 *    undo the progress a newer one recorded.
 * The store can only refuse stale writes; the runner's part (property 6 of DESIGN.md) is to skip,
 * while evolving a loaded document, the events at or below that document's `_position`, since an
 * `evolve` that counts or appends is not idempotent.
 * This assumes one writer per collection at a time (the runner commits its batches in order): two
 * concurrent inserts of the same new id could otherwise both miss the filter and one lose the
 * `_id` race even if it were newer. A deleted document leaves no tombstone, so nothing stops an
 * upsert older than the delete from re-creating it; with batches committed in order such an
 * upsert is only ever redelivered before the delete is, never after.
 */

export type CommitTarget = { client: MongoClient; db: Db; transactions: TransactionSwitch };

const isEmpty = (batch: WriteBatch): boolean =>
  batch.writes.length === 0 && batch.checkpoints.length === 0;

/** All of the batch in one transaction; `withTransaction` retries transient errors itself. */
const commitInTransaction = async (
  { client, db }: CommitTarget,
  batch: WriteBatch,
): Promise<void> => {
  const writes = writesByCollection(batch, 'transactional');
  const checkpoints = checkpointOperations(batch.checkpoints);
  await client.withSession((session) =>
    session.withTransaction(async () => {
      // One operation at a time: a session must not run operations in parallel in a transaction.
      for (const { collection, operations } of writes) {
        await db
          .collection<Document>(collection)
          .bulkWrite(operations, { session, ordered: false });
      }
      if (checkpoints.length > 0) {
        await db
          .collection<CheckpointDocument>(CHECKPOINTS_COLLECTION)
          .bulkWrite(checkpoints, { session, ordered: false });
      }
    }),
  );
};

/** Documents first, guarded by position; checkpoints after all of them (see the comment above). */
const commitGuarded = async ({ db }: CommitTarget, batch: WriteBatch): Promise<void> => {
  for (const { collection, operations } of writesByCollection(batch, 'guarded')) {
    try {
      await db.collection<Document>(collection).bulkWrite(operations, { ordered: false });
    } catch (error) {
      if (!isOnlyStaleWriteRejections(error, isUpsertAt(operations))) throw error;
    }
  }
  const checkpoints = checkpointOperations(batch.checkpoints);
  if (checkpoints.length > 0) {
    await db
      .collection<CheckpointDocument>(CHECKPOINTS_COLLECTION)
      .bulkWrite(checkpoints, { ordered: false });
  }
};

export const commitBatch = async (target: CommitTarget, batch: WriteBatch): Promise<void> => {
  if (isEmpty(batch)) return;
  if (target.transactions.useTransactions) {
    try {
      await commitInTransaction(target, batch);
      return;
    } catch (error) {
      if (!target.transactions.fallBackAfter(error)) throw error;
    }
  }
  await commitGuarded(target, batch);
};
