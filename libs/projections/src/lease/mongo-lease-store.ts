import { randomUUID } from 'node:crypto';
import { Db, Filter, UpdateFilter, UpdateOptions } from 'mongodb';
import { LeaseStore, systemLeaseClock } from './lease-store';
import {
  acquireFilter,
  holdUpdate,
  isDuplicateKey,
  LEASES_COLLECTION,
  LeaseDocument,
  ownedFilter,
} from './mongo-lease-operations';
import { helloLocalTime, serverClock } from './server-clock';

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

/** The lease store as production runs it: the `_leases` collection, expiry on the server's clock. */
export const mongoLeaseStoreOn = (db: Db): LeaseStore =>
  createMongoLeaseStore({
    collection: leaseCollectionOf(db),
    clock: serverClock(helloLocalTime(db)),
  });

/**
 * Leases in MongoDB's `_leases` collection. Each operation is one single-document conditional
 * write, atomic on MongoDB, so projector processes on different machines agree on the holder.
 * FerretDB evaluates such writes as a query then an update, which is not atomic: there, two
 * acquirers at the same instant could both win (see README, "MongoDB and FerretDB"). Expiry is
 * compared and stamped with `clock`: the database server's (mongoLeaseStoreOn), so projector
 * hosts' clocks need not agree.
 */
export const createMongoLeaseStore = (options: {
  collection: LeaseCollection;
  clock?: () => Date | Promise<Date>;
}): LeaseStore => {
  const { collection } = options;
  const clock = options.clock ?? systemLeaseClock;
  return {
    async tryAcquire(name, owner, ttlMs, token = randomUUID()) {
      const now = await clock();
      try {
        const result = await collection.updateOne(
          acquireFilter(name, owner, now),
          holdUpdate(owner, now, ttlMs, token),
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
        holdUpdate(owner, await clock(), ttlMs),
      );
      return result.matchedCount > 0;
    },
    async release(name, owner) {
      await collection.deleteOne(ownedFilter(name, owner));
    },
  };
};
