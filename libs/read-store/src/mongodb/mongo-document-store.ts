import { MongoClient, WriteConcern } from 'mongodb';
import { Document, DocumentStore, IndexSpec } from '../document-store';
import { CHECKPOINTS_COLLECTION, CheckpointDocument, parseCheckpoint } from './checkpoints';
import { ChunkLimits } from './chunks';
import { commitBatch, CommitTarget } from './commit-batch';
import {
  GENERATIONS_COLLECTION,
  GenerationDocument,
  generationDocument,
  parseGeneration,
} from './generations';
import { ensureIndexes } from './ensure-indexes';
import { mongoCollection } from './mongo-collection';
import { isNamespaceNotFoundError } from './mongo-errors';
import { TransactionSetting, TransactionSwitch } from './transaction-switch';

export type MongoDocumentStoreOptions = {
  /** The caller owns the client: it connects it and closes it; `close()` leaves it open. */
  client: MongoClient;
  databaseName: string;
  /** Default 'auto': transactions where `hello` says the deployment has them (see TransactionSetting). */
  transactions?: TransactionSetting;
  /** Default `{ w: 'majority' }`: a commit is acknowledged once a majority of members has it. */
  writeConcern?: WriteConcern;
  /** How large one transaction of a big batch may grow (chunks.ts). */
  chunkLimits?: ChunkLimits;
};

const MAJORITY: WriteConcern = { w: 'majority' } as WriteConcern;

/**
 * The document-store port on MongoDB. Read models are collections of the given database;
 * checkpoints live in `_checkpoints`, generation pointers in `_generations`, leases (written by
 * the lease store, read here to fence commits) in `_leases`.
 */
export const createMongoDocumentStore = (options: MongoDocumentStoreOptions): DocumentStore => {
  const { client, databaseName } = options;
  const writeConcern = options.writeConcern ?? MAJORITY;
  const db = client.db(databaseName, { writeConcern });
  const target: CommitTarget = {
    client,
    db,
    transactions: TransactionSwitch.forDb(options.transactions ?? 'auto', db),
    chunkLimits: options.chunkLimits,
    writeConcern,
  };
  const checkpoints = db.collection<CheckpointDocument>(CHECKPOINTS_COLLECTION);
  const generations = db.collection<GenerationDocument>(GENERATIONS_COLLECTION);
  return {
    collection: <T extends Document = Document>(name: string) =>
      mongoCollection<T>(db.collection<Document>(name)),
    ensureIndexes: (collection: string, indexes: readonly IndexSpec[]) =>
      ensureIndexes(db.collection(collection), indexes),
    commit: (batch) => commitBatch(target, batch),
    async checkpoint(name: string) {
      return parseCheckpoint(await checkpoints.findOne({ _id: name }));
    },
    async dropCollection(name: string) {
      try {
        await db.dropCollection(name);
      } catch (error) {
        if (!isNamespaceNotFoundError(error)) throw error;
      }
    },
    async activeGeneration(logicalName: string) {
      return parseGeneration(await generations.findOne({ _id: logicalName }));
    },
    async switchGeneration(logicalName: string, physicalName: string) {
      await generations.replaceOne(
        { _id: logicalName },
        generationDocument(logicalName, physicalName),
        { upsert: true },
      );
    },
    // Nothing to release: the client was handed in and its owner closes it.
    close: async () => undefined,
  };
};
