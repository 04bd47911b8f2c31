import { randomUUID } from 'node:crypto';
import { Long, MongoClient } from 'mongodb';
import { documentStoreContract } from '@crm/testing';
import { DocumentStore, LeaseLostError, WriteBatch } from '../document-store';
import { CHECKPOINTS_COLLECTION } from './checkpoints';
import { LEASES_COLLECTION } from './fences';
import { createMongoDocumentStore } from './mongo-document-store';
import { isTransactionNotSupportedError } from './mongo-errors';
import { TransactionSetting } from './transaction-switch';

/**
 * Runs against a real MongoDB-wire server only: MONGODB_URI is set by whoever starts one (the
 * FerretDB step of `npm test`, testcontainers in `npm run test:integration`). Without it the
 * whole file is skipped, with one line saying so.
 */
const MONGODB_URI = process.env.MONGODB_URI;

if (!MONGODB_URI) {
  console.log(
    'SKIPPED mongodb document-store contract: MONGODB_URI not set (npm run test:ferretdb runs it on FerretDB; npm run test:integration on MongoDB where Docker is available)',
  );
}

const suite = MONGODB_URI ? describe : describe.skip;
const ON_FERRETDB = process.env.CRM_TEST_MONGODB_ENGINE === 'ferretdb';
const PORTABLE = { refusesUnportableDocuments: true };

suite('MongoDB document store', () => {
  const databaseName = `crm_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let client: MongoClient | undefined;

  const connected = async (): Promise<MongoClient> => {
    client ??= await new MongoClient(MONGODB_URI ?? '').connect();
    return client;
  };

  const storeWith = (transactions: TransactionSetting) => async (): Promise<DocumentStore> =>
    createMongoDocumentStore({ client: await connected(), databaseName, transactions });

  const database = async () => (await connected()).db(databaseName);

  afterAll(async () => {
    if (!client) return;
    await client.db(databaseName).dropDatabase();
    await client.close();
  });

  documentStoreContract(
    'mongodb, transactions where the deployment has them',
    storeWith('auto'),
    PORTABLE,
  );
  documentStoreContract('mongodb, position guard only', storeWith('never'), PORTABLE);

  const uniqueName = (label: string): string =>
    `${label}_${randomUUID().replace(/-/g, '').slice(0, 16)}`;

  describe.each<TransactionSetting>(['auto', 'never'])(
    'position guard (transactions: %s)',
    (transactions) => {
      let store: DocumentStore;

      beforeEach(async () => {
        store = await storeWith(transactions)();
      });

      it('an older or redelivered version never replaces a newer one; the rest of the batch commits', async () => {
        const collection = uniqueName('stale');
        const checkpoint = uniqueName('cp');
        const newer: WriteBatch = {
          writes: [{ collection, op: 'upsert', document: { _id: 'a', v: 2, _position: 20 } }],
          checkpoints: [{ name: checkpoint, position: 20n }],
          position: 20n,
        };
        await store.commit(newer);
        await store.commit(newer);
        await store.commit({
          writes: [
            { collection, op: 'upsert', document: { _id: 'a', v: 1, _position: 10 } },
            { collection, op: 'upsert', document: { _id: 'b', v: 1, _position: 10 } },
          ],
          checkpoints: [{ name: checkpoint, position: 10n }],
          position: 10n,
        });
        const documents = store.collection(collection);
        expect(await documents.get('a')).toEqual({ _id: 'a', v: 2, _position: 20 });
        expect(await documents.get('b')).toEqual({ _id: 'b', v: 1, _position: 10 });
        expect(await store.checkpoint(checkpoint)).toBe(20n);
      });

      it('a delete older than the stored version leaves it; a later one removes it', async () => {
        const collection = uniqueName('delete');
        const upsert = (position: number): WriteBatch => ({
          writes: [{ collection, op: 'upsert', document: { _id: 'a', _position: position } }],
          checkpoints: [],
          position: BigInt(position),
        });
        const remove = (position: bigint): WriteBatch => ({
          writes: [{ collection, op: 'delete', id: 'a' }],
          checkpoints: [],
          position,
        });
        await store.commit(upsert(20));
        await store.commit(remove(20n));
        await store.commit(remove(15n));
        expect(await store.collection(collection).get('a')).toEqual({ _id: 'a', _position: 20 });
        await store.commit(remove(21n));
        expect(await store.collection(collection).get('a')).toBeUndefined();
      });

      it('a stored document without _position is replaced; the new one is stored as given', async () => {
        const collection = uniqueName('unguarded');
        await store.commit({
          writes: [{ collection, op: 'upsert', document: { _id: 'p', v: 1 } }],
          checkpoints: [],
          position: 30n,
        });
        await store.commit({
          writes: [{ collection, op: 'upsert', document: { _id: 'p', v: 2 } }],
          checkpoints: [],
          position: 5n,
        });
        expect(await store.collection(collection).get('p')).toEqual({ _id: 'p', v: 2 });
      });

      it('compares positions above 2^53 exactly: a repeated delete leaves the version it repeats', async () => {
        const collection = uniqueName('precision');
        // 2^53 + 3 has no double of its own: Number() rounds it up to 2^53 + 4.
        const stored = 9007199254740995n;
        await (
          await database()
        )
          .collection(collection)
          .insertOne({ _id: 'p' as never, _position: Long.fromBigInt(stored) });
        await store.commit({
          writes: [{ collection, op: 'delete', id: 'p' }],
          checkpoints: [],
          position: stored,
        });
        expect(await store.collection(collection).count({})).toBe(1);
        await store.commit({
          writes: [{ collection, op: 'delete', id: 'p' }],
          checkpoints: [],
          position: stored + 1n,
        });
        expect(await store.collection(collection).count({})).toBe(0);
      });

      it('concurrent first inserts of one id: the newer version wins whichever insert lands first', async () => {
        const collection = uniqueName('race');
        const [first, second] = [await storeWith(transactions)(), await storeWith(transactions)()];
        const ids = Array.from({ length: 40 }, (_, index) => `r${index}`);
        const version = (id: string, position: number): WriteBatch => ({
          writes: [
            { collection, op: 'upsert', document: { _id: id, v: position, _position: position } },
          ],
          checkpoints: [],
          position: BigInt(position),
        });
        await Promise.all(
          ids.flatMap((id, index) =>
            index % 2 === 0
              ? [first.commit(version(id, 10)), second.commit(version(id, 20))]
              : [second.commit(version(id, 20)), first.commit(version(id, 10))],
          ),
        );
        const stored = await store.collection(collection).find({});
        expect(stored.filter((document) => document.v !== 20).map((d) => d._id)).toEqual([]);
        expect(stored).toHaveLength(ids.length);
      });

      it('a commit fenced by a lease that changed hands is refused and writes nothing', async () => {
        const collection = uniqueName('fenced');
        const checkpoint = uniqueName('cp-fenced');
        const lease = uniqueName('projection:fenced');
        const leases = (await database()).collection(LEASES_COLLECTION);
        const hold = (owner: string, token: string) =>
          leases.replaceOne(
            { _id: lease as never },
            { owner, token, expiresAt: new Date(Date.now() + 60_000) },
            { upsert: true },
          );
        const batch = (owner: string, token: string, position: number): WriteBatch => ({
          writes: [
            { collection, op: 'upsert', document: { _id: 'd', by: owner, _position: position } },
          ],
          checkpoints: [{ name: checkpoint, position: BigInt(position) }],
          position: BigInt(position),
          fences: [{ lease, owner, token }],
        });
        await hold('a', 'token-a');
        await store.commit(batch('a', 'token-a', 5));
        await hold('b', 'token-b'); // b took the lease over
        await store.commit(batch('b', 'token-b', 6));
        await expect(store.commit(batch('a', 'token-a', 7))).rejects.toBeInstanceOf(LeaseLostError);
        expect(await store.collection(collection).get('d')).toEqual({
          _id: 'd',
          by: 'b',
          _position: 6,
        });
        expect(await store.checkpoint(checkpoint)).toBe(6n);
      });
    },
  );

  it.each<TransactionSetting>(['auto', 'never'])(
    'a checkpoint never moves backwards (transactions: %s)',
    async (transactions) => {
      const store = await storeWith(transactions)();
      const checkpoint = uniqueName('cp-back');
      const commitCheckpoint = (position: bigint) =>
        store.commit({ writes: [], checkpoints: [{ name: checkpoint, position }], position });
      await commitCheckpoint(9007199254740993n);
      await commitCheckpoint(12n);
      expect(await store.checkpoint(checkpoint)).toBe(9007199254740993n);
      await commitCheckpoint(9007199254740994n);
      expect(await store.checkpoint(checkpoint)).toBe(9007199254740994n);
    },
  );

  it.each<TransactionSetting>(['auto', 'never'])(
    'a checkpoint stored without _position does not move back either (transactions: %s)',
    async (transactions) => {
      const store = await storeWith(transactions)();
      const checkpoint = uniqueName('cp-legacy');
      await (
        await database()
      )
        .collection(CHECKPOINTS_COLLECTION)
        .insertOne({ _id: checkpoint as never, position: '100' });
      await store.commit({
        writes: [],
        checkpoints: [{ name: checkpoint, position: 50n }],
        position: 50n,
      });
      expect(await store.checkpoint(checkpoint)).toBe(100n);
      await store.commit({
        writes: [],
        checkpoints: [{ name: checkpoint, position: 101n }],
        position: 101n,
      });
      expect(await store.checkpoint(checkpoint)).toBe(101n);
    },
  );

  it('an index changed under the same name is rebuilt instead of failing the start-up', async () => {
    const store = await storeWith('never')();
    const collection = uniqueName('reindexed');
    await store.ensureIndexes(collection, [{ fields: ['tenantId'], name: 'by_tenant' }]);
    await store.ensureIndexes(collection, [{ fields: ['tenantId', 'stage'], name: 'by_tenant' }]);
    await store.ensureIndexes(collection, [{ fields: ['tenantId', 'stage'], name: 'by_tenant' }]);
    const indexes = await (await database()).collection(collection).listIndexes().toArray();
    expect(indexes.find((index) => index.name === 'by_tenant')?.key).toEqual({
      tenantId: 1,
      stage: 1,
    });
  });

  it("'auto' asks the deployment; 'always' fails, recognisably, where there are no transactions", async () => {
    const hello = await (await connected()).db('admin').command({ hello: 1 });
    const hasTransactions = typeof hello['setName'] === 'string' || hello['msg'] === 'isdbgrid';
    const collection = uniqueName('transactions');
    const commitWith = async (transactions: TransactionSetting): Promise<void> =>
      (await storeWith(transactions)()).commit({
        writes: [{ collection, op: 'upsert', document: { _id: transactions, _position: 1 } }],
        checkpoints: [],
        position: 1n,
      });
    await commitWith('auto');
    const always = await commitWith('always').then(
      () => undefined,
      (error: unknown) => error,
    );
    if (hasTransactions) {
      expect(always).toBeUndefined();
    } else {
      expect(isTransactionNotSupportedError(always)).toBe(true);
    }
    // FerretDB 1.24 applies the writes of a "transaction" at once and only then refuses to
    // commit: why it must be configured CRM_MONGODB_TRANSACTIONS=never (README).
    const expected = hasTransactions || ON_FERRETDB ? 2 : 1;
    expect(await (await storeWith('never')()).collection(collection).count({})).toBe(expected);
  });
});
