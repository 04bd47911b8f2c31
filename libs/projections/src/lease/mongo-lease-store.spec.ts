import { Filter, MongoServerError, UpdateFilter, UpdateOptions } from 'mongodb';
import { fakeClock } from './fake-clock';
import { acquireFilter, holdUpdate, LeaseDocument, ownedFilter } from './mongo-lease-operations';
import { createMongoLeaseStore, LeaseCollection } from './mongo-lease-store';

type UpdateCall = {
  filter: Filter<LeaseDocument>;
  update: UpdateFilter<LeaseDocument>;
  options?: UpdateOptions;
};

/**
 * Records what the adapter sends and answers what the test says the server answered; it does not
 * pretend to evaluate anything (the server's semantics are not faked here).
 */
const recordingCollection = (
  answer: () => Promise<{ matchedCount: number; upsertedCount: number }>,
) => {
  const updates: UpdateCall[] = [];
  const deletes: Filter<LeaseDocument>[] = [];
  const collection: LeaseCollection = {
    updateOne: (filter, update, options) => {
      updates.push({ filter, update, options });
      return answer();
    },
    deleteOne: async (filter) => {
      deletes.push(filter);
      return { deletedCount: 1 };
    },
  };
  return { collection, updates, deletes };
};

const answered = (matchedCount: number, upsertedCount: number) => async () => ({
  matchedCount,
  upsertedCount,
});

describe('the MongoDB lease store', () => {
  const time = fakeClock();

  it('acquires with one upsert of the acquire filter; matched or inserted means ours', async () => {
    for (const [matched, upserted] of [
      [1, 0],
      [0, 1],
    ]) {
      const { collection, updates } = recordingCollection(answered(matched, upserted));
      const leases = createMongoLeaseStore({ collection, clock: time.clock });
      expect(await leases.tryAcquire('projection:deals', 'p-1', 15_000, 'token-1')).toBe(true);
      expect(updates).toEqual([
        {
          filter: acquireFilter('projection:deals', 'p-1', time.clock()),
          update: holdUpdate('p-1', time.clock(), 15_000, 'token-1'),
          options: { upsert: true },
        },
      ]);
    }
  });

  it('every acquisition records a token, a fresh one when the caller gives none', async () => {
    const { collection, updates } = recordingCollection(answered(1, 0));
    const leases = createMongoLeaseStore({ collection, clock: time.clock });
    await leases.tryAcquire('l', 'p', 1000);
    await leases.tryAcquire('l', 'p', 1000);
    const tokens = updates.map((call) => (call.update.$set as { token?: string }).token);
    expect(tokens.every((token) => typeof token === 'string' && token.length > 0)).toBe(true);
    expect(new Set(tokens).size).toBe(2);
  });

  it('asks an asynchronous clock (the server time) before each write', async () => {
    const serverNow = new Date('2030-01-01T00:00:00.000Z');
    const { collection, updates } = recordingCollection(answered(1, 0));
    const leases = createMongoLeaseStore({ collection, clock: async () => serverNow });
    await leases.tryAcquire('l', 'p', 1000, 't');
    await leases.renew('l', 'p', 1000);
    expect(updates.map((call) => call.filter)).toEqual([
      acquireFilter('l', 'p', serverNow),
      ownedFilter('l', 'p'),
    ]);
    expect(updates.map((call) => call.update)).toEqual([
      holdUpdate('p', serverNow, 1000, 't'),
      holdUpdate('p', serverNow, 1000),
    ]);
  });

  it('a duplicate key on the upsert means another owner holds it', async () => {
    const held = new MongoServerError({
      message: 'E11000 duplicate key error collection: crm._leases index: _id_',
      code: 11000,
    });
    const { collection } = recordingCollection(() => Promise.reject(held));
    const leases = createMongoLeaseStore({ collection, clock: time.clock });
    expect(await leases.tryAcquire('projection:deals', 'p-2', 15_000)).toBe(false);
  });

  it('any other failure is not a refusal: it propagates', async () => {
    const down = new MongoServerError({ message: 'not primary', code: 10107 });
    const { collection } = recordingCollection(() => Promise.reject(down));
    const leases = createMongoLeaseStore({ collection, clock: time.clock });
    await expect(leases.tryAcquire('l', 'p', 1000)).rejects.toBe(down);
  });

  it('renews without upsert, only while ours', async () => {
    const mine = recordingCollection(answered(1, 0));
    const leases = createMongoLeaseStore({ collection: mine.collection, clock: time.clock });
    expect(await leases.renew('l', 'p', 5000)).toBe(true);
    expect(mine.updates).toEqual([
      {
        filter: ownedFilter('l', 'p'),
        update: holdUpdate('p', time.clock(), 5000),
        options: undefined,
      },
    ]);
    const lost = recordingCollection(answered(0, 0));
    const others = createMongoLeaseStore({ collection: lost.collection, clock: time.clock });
    expect(await others.renew('l', 'p', 5000)).toBe(false);
  });

  it('releases by deleting the lease only if it is ours', async () => {
    const { collection, deletes } = recordingCollection(answered(0, 0));
    await createMongoLeaseStore({ collection }).release('l', 'p');
    expect(deletes).toEqual([ownedFilter('l', 'p')]);
  });
});
