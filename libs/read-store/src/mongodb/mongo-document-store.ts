import { MongoClient } from 'mongodb';
import { Document, DocumentStore, IndexSpec } from '../document-store';
import { CHECKPOINTS_COLLECTION, CheckpointDocument, parseCheckpoint } from './checkpoints';
import { commitBatch, CommitTarget } from './commit-batch';
import {
  GENERATIONS_COLLECTION,
  GenerationDocument,
  generationDocument,
  parseGeneration,
} from './generations';
import { indexModel } from './index-model';
import { mongoCollection } from './mongo-collection';
import { isNamespaceNotFoundError } from './mongo-errors';
import { TransactionSetting, TransactionSwitch } from './transaction-switch';

export type MongoDocumentStoreOptions = {
  /** The caller owns the client: it connects it and closes it; `close()` leaves it open. */
  client: MongoClient;
  databaseName: string;
  /** Default 'auto': transactions where the deployment has them, the position guard elsewhere. */
  transactions?: TransactionSetting;
};

/**
 * The document-store port on MongoDB. Read models are collections of the given database;
 * checkpoints live in `_checkpoints`, generation pointers in `_generations`.
 */
export const createMongoDocumentStore = (options: MongoDocumentStoreOptions): DocumentStore => {
  const { client, databaseName } = options;
  const db = client.db(databaseName);
  const target: CommitTarget = {
    client,
    db,
    transactions: new TransactionSwitch(options.transactions ?? 'auto'),
  };
  const checkpoints = db.collection<CheckpointDocument>(CHECKPOINTS_COLLECTION);
  const generations = db.collection<GenerationDocument>(GENERATIONS_COLLECTION);

  return {
    collection: <T extends Document = Document>(name: string) =>
      mongoCollection<T>(db.collection<Document>(name)),

    async ensureIndexes(collection: string, indexes: readonly IndexSpec[]) {
      if (indexes.length === 0) return;
      await db.collection(collection).createIndexes(indexes.map(indexModel));
    },

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
