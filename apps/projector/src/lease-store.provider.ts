import { AppConfig, requiredSetting } from '@crm/application/config';
import { createEmbeddedLeaseStore, LeaseStore, mongoLeaseStoreOn } from '@crm/projections';
import { DocumentStore } from '@crm/read-store';

export type ConfiguredLeaseStore = { leases: LeaseStore; close(): Promise<void> };

/**
 * The lease store that goes with the configured read store: in memory next to the embedded store
 * (whose file one process owns), the `_leases` collection of the read-model database on MongoDB.
 * The MongoDB lease store has a client of its own, connected here so that an unreachable server
 * stops the start-up: the document store's client is private to its provider.
 */
export const openConfiguredLeaseStore = async (
  config: AppConfig,
  documents: DocumentStore,
): Promise<ConfiguredLeaseStore> => {
  switch (config.CRM_READ_STORE) {
    case 'embedded':
      return { leases: createEmbeddedLeaseStore(documents), close: async () => undefined };
    case 'mongodb': {
      const { MongoClient } = await import('mongodb');
      const client = new MongoClient(requiredSetting(config, 'MONGODB_URI'), {
        appName: 'crm-projector',
      });
      try {
        await client.connect();
      } catch (error) {
        await client.close();
        throw error;
      }
      // Expiry on the database server's clock; commits fenced by the lease tokens it records.
      const leases = mongoLeaseStoreOn(client.db(config.MONGODB_DATABASE));
      return { leases, close: () => client.close() };
    }
  }
};
