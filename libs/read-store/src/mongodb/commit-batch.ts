import {
  ClientSession,
  Collection,
  Db,
  MongoBulkWriteError,
  MongoClient,
  WriteConcern,
} from 'mongodb';
import { Document, WriteBatch } from '../document-store';
import { advanceCheckpoints, CHECKPOINTS_COLLECTION, CheckpointDocument } from './checkpoints';
import { ChunkLimits, inChunks } from './chunks';
import { checkFences } from './fences';
import { isDuplicateKeyError } from './mongo-errors';
import { readStoredVersions } from './stored-versions';
import { TransactionSwitch } from './transaction-switch';
import {
  CollectionWrites,
  guardedOperation,
  isNewerThanStored,
  olderThan,
  plainOperation,
  PositionedWrite,
  writesByCollection,
} from './write-operations';

/*
 * Exactly-once effects from at-least-once delivery.
 *
 * The runner reads the log from the last checkpoint, so after a crash it sees again every event
 * after that checkpoint, some of which may already be reflected in stored documents. Every
 * document the runner writes carries `_position`, the global position of the last event applied
 * to it (a write without one is guarded by the batch position), and in both modes a write
 * replaces or deletes a stored document only when the stored `_position` is lower: each document
 * converges to the version of the highest position written, whatever the order or number of
 * deliveries, and a former lease holder that wakes up late cannot put an older version back.
 *
 * With transactions (a replica set) a batch reads the stored versions of its documents and the
 * leases it is fenced by, then writes what is newer and its checkpoints, all in one snapshot
 * transaction; a concurrent writer makes it conflict and retry. Large batches are split into
 * chunks (chunks.ts), the checkpoints in the last.
 *
 * Without transactions (a standalone server, FerretDB) a crash can land between writes, so the
 * documents may be ahead of the checkpoint:
 * 1. Every write is guarded by position on the server (`olderThan`). Stale writes are skipped
 *    after reading the stored versions; when a guarded upsert still fails with a duplicate key
 *    (a newer version arrived meanwhile, or a concurrent insert won the race) the stored
 *    position decides: ours is dropped only when what is stored is at least as new, otherwise
 *    it is written again. No bulk write is trusted to have run its operations independently
 *    (FerretDB stops at the first failure and ignores `ordered`): on any write error every
 *    write is settled one by one.
 * 2. Checkpoints are written only after every document of the batch is stored, so a checkpoint
 *    never claims effects that are missing; at worst it is behind, which rule 1 absorbs.
 * 3. A checkpoint never moves backwards (checkpoints.ts).
 * The store can only refuse stale writes; the runner's part (property 6 of DESIGN.md) is to skip,
 * while evolving a loaded document, the events at or below that document's `_position`, since an
 * `evolve` that counts or appends is not idempotent. A deleted document leaves no tombstone, so
 * nothing stops an upsert older than the delete from re-creating it; with batches committed in
 * order by one lease holder such an upsert is only ever redelivered before the delete is.
 */
export type CommitTarget = {
  client: MongoClient;
  db: Db;
  transactions: TransactionSwitch;
  chunkLimits?: ChunkLimits;
  /** For transactions; default majority (see README, "MongoDB and FerretDB"). */
  writeConcern?: WriteConcern;
};

const isEmpty = (batch: WriteBatch): boolean =>
  batch.writes.length === 0 && batch.checkpoints.length === 0;

const checkpointsOf = (db: Db): Collection<CheckpointDocument> =>
  db.collection<CheckpointDocument>(CHECKPOINTS_COLLECTION);

/** The writes of `collection` that are newer than what it stores. */
const dueWrites = async (
  collection: Collection<Document>,
  writes: readonly PositionedWrite[],
  session?: ClientSession,
): Promise<PositionedWrite[]> => {
  const stored = await readStoredVersions(
    collection,
    writes.map((write) => write.id),
    session,
  );
  return writes.filter((write) => isNewerThanStored(write, stored.get(write.id)));
};

const commitChunkInTransaction = async (
  { client, db, writeConcern }: CommitTarget,
  batch: WriteBatch,
  chunk: readonly CollectionWrites[],
  last: boolean,
): Promise<void> => {
  await client.withSession((session) =>
    session.withTransaction(
      async () => {
        // One operation at a time: a session must not run operations in parallel in a transaction.
        await checkFences(db, batch.fences, session);
        for (const { collection, writes } of chunk) {
          const documents = db.collection<Document>(collection);
          const due = await dueWrites(documents, writes, session);
          if (due.length > 0) await documents.bulkWrite(due.map(plainOperation), { session });
        }
        if (last) await advanceCheckpoints(checkpointsOf(db), batch.checkpoints, session);
      },
      { readConcern: { level: 'snapshot' }, writeConcern: writeConcern ?? { w: 'majority' } },
    ),
  );
};

const MAX_RACE_ATTEMPTS = 10;

/** One guarded write, settled by the stored position whenever its upsert hits a duplicate key. */
const settleGuarded = async (
  collection: Collection<Document>,
  write: PositionedWrite,
): Promise<void> => {
  for (let attempt = 0; attempt < MAX_RACE_ATTEMPTS; attempt += 1) {
    try {
      if (write.op === 'delete') await collection.deleteOne(olderThan(write.id, write.position));
      else if (write.op === 'set')
        await collection.updateOne(olderThan(write.id, write.position), { $set: write.fields });
      else
        await collection.replaceOne(olderThan(write.id, write.position), write.document, {
          upsert: true,
        });
      return;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const stored = (await readStoredVersions(collection, [write.id])).get(write.id);
    if (!isNewerThanStored(write, stored)) return; // what is stored is at least as new
    // Stored is older or gone: a concurrent writer raced this one; write again.
  }
  throw new Error(
    `${collection.collectionName}/${write.id}: ${MAX_RACE_ATTEMPTS} attempts lost to concurrent writers`,
  );
};

const commitGuarded = async (
  { db }: CommitTarget,
  batch: WriteBatch,
  collections: readonly CollectionWrites[],
): Promise<void> => {
  await checkFences(db, batch.fences);
  for (const { collection, writes } of collections) {
    const documents = db.collection<Document>(collection);
    const due = await dueWrites(documents, writes);
    if (due.length === 0) continue;
    try {
      await documents.bulkWrite(due.map(guardedOperation), { ordered: false });
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) throw error;
      // Which writes ran is not reliably reported by every engine: settle each one.
      for (const write of due) await settleGuarded(documents, write);
    }
  }
  await checkFences(db, batch.fences);
  await advanceCheckpoints(checkpointsOf(db), batch.checkpoints);
};

export const commitBatch = async (target: CommitTarget, batch: WriteBatch): Promise<void> => {
  if (isEmpty(batch)) return;
  const collections = writesByCollection(batch); // refuses unstorable documents before any write
  if (!(await target.transactions.useTransactions())) {
    await commitGuarded(target, batch, collections);
    return;
  }
  const chunks = inChunks(collections, target.chunkLimits);
  for (const [index, chunk] of chunks.entries()) {
    await commitChunkInTransaction(target, batch, chunk, index === chunks.length - 1);
  }
};
