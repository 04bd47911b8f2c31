import { Db, Filter, UpdateFilter, UpdateOptions } from 'mongodb';
import { LeaseClock, LeaseStore, systemLeaseClock } from './lease-store';
import {
  acquireFilter,
  holdUpdate,
  isDuplicateKey,
  LEASES_COLLECTION,
  LeaseDocument,
  ownedFilter,
} from './mongo-lease-operations';

/** The two calls the adapter makes; a driver `Collection<LeaseDocument>` is one. */
export interface LeaseCollection {
  updateOne(
    filter: Filter<LeaseDocument>,
    update: UpdateFilter<LeaseDocument>,
    options?: UpdateOptions,
  ): Promise<{ matchedCount: number; upsertedCount: number }>;
  deleteOne(filter: Filter<LeaseDocument>): Promise<unknown>;
}

export const leaseCollectionOf = (db: Db): LeaseCollection =>
  db.collection<LeaseDocument>(LEASES_COLLECTION);

/**
 * Leases in MongoDB's `_leases` collection. Each operation is one atomic single-document write, so
 * projector processes on different machines agree on the holder. Expiry compares with this
 * process's clock: projector hosts' clocks must agree to well within the stop margin (NTP).
 */
export const createMongoLeaseStore = (options: {
  collection: LeaseCollection;
  clock?: LeaseClock;
}): LeaseStore => {
  const { collection } = options;
  const clock = options.clock ?? systemLeaseClock;

  return {
    async tryAcquire(name, owner, ttlMs) {
      const now = clock();
      try {
        const result = await collection.updateOne(
          acquireFilter(name, owner, now),
          holdUpdate(owner, now, ttlMs),
          { upsert: true },
        );
        return result.matchedCount + result.upsertedCount > 0;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },

    async renew(name, owner, ttlMs) {
      const result = await collection.updateOne(
        ownedFilter(name, owner),
        holdUpdate(owner, clock(), ttlMs),
      );
      return result.matchedCount > 0;
    },

    async release(name, owner) {
      await collection.deleteOne(ownedFilter(name, owner));
    },
  };
};
