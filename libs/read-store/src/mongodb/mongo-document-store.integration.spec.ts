import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { documentStoreContract } from '@crm/testing';
import { DocumentStore, WriteBatch } from '../document-store';
import { createMongoDocumentStore } from './mongo-document-store';
import { isTransactionNotSupportedError } from './mongo-errors';
import { TransactionSetting } from './transaction-switch';

/**
 * Runs against a real MongoDB only: MONGODB_URI is set by whoever starts one (testcontainers in
 * `npm run test:integration`). Without it the whole file is skipped, with one line saying so.
 */
const MONGODB_URI = process.env.MONGODB_URI;

if (!MONGODB_URI) {
  console.log(
    'SKIPPED mongodb document-store contract: MONGODB_URI not set (no MongoDB server here; run npm run test:integration where Docker is available)',
  );
}

const suite = MONGODB_URI ? describe : describe.skip;

suite('MongoDB document store', () => {
  const databaseName = `crm_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let client: MongoClient | undefined;

  const connected = async (): Promise<MongoClient> => {
    client ??= await new MongoClient(MONGODB_URI ?? '').connect();
    return client;
  };

  const storeWith = (transactions: TransactionSetting) => async (): Promise<DocumentStore> =>
    createMongoDocumentStore({ client: await connected(), databaseName, transactions });

  afterAll(async () => {
    if (!client) return;
    await client.db(databaseName).dropDatabase();
    await client.close();
  });

  documentStoreContract('mongodb, transactions where the deployment has them', storeWith('auto'));
  documentStoreContract('mongodb, position guard only', storeWith('never'));

  const uniqueName = (label: string): string =>
    `${label}_${randomUUID().replace(/-/g, '').slice(0, 16)}`;

  describe('position guard (transactions: never)', () => {
    let store: DocumentStore;
    beforeEach(async () => {
      store = await storeWith('never')();
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
  });

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

  it("'auto' commits on any deployment; 'always' fails, recognisably, where there are no transactions", async () => {
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
    const expected = hasTransactions ? 2 : 1;
    expect(await (await storeWith('never')()).collection(collection).count({})).toBe(expected);
  });
});
