import { createEmbeddedDocumentStore, DocumentStore } from '@crm/read-store';
import type { MongoClient } from 'mongodb';
import { join } from 'node:path';
import { AppConfig, requiredSetting } from '../config';
import { redactCredentials } from '../config/redact-credentials';
import { reasonOf, StartupError } from '../startup/startup-error';
import { ensureWritableDataDir } from '../startup/writable-data-dir';

/**
 * The document store chosen by configuration; the embedded file store is the default.
 * For MongoDB this creates the client and owns it: the store's close() closes the client too.
 * The client connects on first use; openConfiguredDocumentStore connects it before answering.
 * The MongoDB adapter and driver are loaded only when chosen.
 */
export const createConfiguredDocumentStore = async (config: AppConfig): Promise<DocumentStore> => {
  switch (config.CRM_READ_STORE) {
    case 'embedded':
      ensureWritableDataDir(config.CRM_DATA_DIR);
      return createEmbeddedDocumentStore({
        path: join(config.CRM_DATA_DIR, 'readmodels.sqlite'),
        cacheMiB: config.CRM_READ_CACHE_MB,
      });
    case 'mongodb':
      return mongoStoreOwning(await newMongoClient(config), config);
  }
};

/**
 * As createConfiguredDocumentStore, with a MongoDB server reached before it answers, so an
 * unreachable server stops the start-up instead of the first projection batch.
 */
export const openConfiguredDocumentStore = async (config: AppConfig): Promise<DocumentStore> => {
  if (config.CRM_READ_STORE !== 'mongodb') return createConfiguredDocumentStore(config);
  const client = await newMongoClient(config);
  try {
    await client.connect();
  } catch (error) {
    await client.close();
    const shown = redactCredentials(requiredSetting(config, 'MONGODB_URI'));
    throw new StartupError(
      `MONGODB_URI=${JSON.stringify(shown)}: MongoDB is not reachable (${reasonOf(error)}); ` +
        'start it or correct MONGODB_URI',
      { cause: error },
    );
  }
  return mongoStoreOwning(client, config);
};

const newMongoClient = async (config: AppConfig): Promise<MongoClient> => {
  const { MongoClient } = await import('mongodb');
  return new MongoClient(requiredSetting(config, 'MONGODB_URI'), { appName: 'crm' });
};

const mongoStoreOwning = async (client: MongoClient, config: AppConfig): Promise<DocumentStore> => {
  const { createMongoDocumentStore } = await import('@crm/read-store/mongodb/mongo-document-store');
  const store = createMongoDocumentStore({
    client,
    databaseName: config.MONGODB_DATABASE,
    transactions: config.CRM_MONGODB_TRANSACTIONS,
  });
  return {
    ...store,
    async close() {
      try {
        await store.close();
      } finally {
        await client.close();
      }
    },
  };
};
