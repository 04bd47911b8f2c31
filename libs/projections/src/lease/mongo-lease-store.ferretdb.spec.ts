import { LeaseLostError, WriteBatch } from '@crm/read-store';
import { createMongoDocumentStore } from '@crm/read-store/mongodb/mongo-document-store';
import { Db, MongoClient } from 'mongodb';
import { randomUUID } from 'node:crypto';
import { LEASES_COLLECTION, LeaseDocument } from './mongo-lease-operations';
import { mongoLeaseStoreOn } from './mongo-lease-store';
import { helloLocalTime } from './server-clock';

/**
 * The MongoDB lease store against a real MongoDB-wire server (FerretDB in `npm test`): what the
 * server stores and answers, not a recording. One acquirer at a time, as FerretDB requires.
 */
describe('the MongoDB lease store on a server', () => {
  const uri = process.env.MONGODB_URI ?? '';
  const databaseName = `crm_leases_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let client: MongoClient;
  let db: Db;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const unique = (label: string) => `${label}:${randomUUID().slice(0, 8)}`;
  const stored = (name: string) =>
    db.collection<LeaseDocument>(LEASES_COLLECTION).findOne({ _id: name });

  beforeAll(async () => {
    client = await new MongoClient(uri).connect();
    db = client.db(databaseName);
  });

  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  it('one holder at a time until it releases; only the holder renews or releases', async () => {
    const leases = mongoLeaseStoreOn(db);
    const name = unique('projection:contacts');
    expect(await leases.tryAcquire(name, 'a', 60_000)).toBe(true);
    expect(await leases.tryAcquire(name, 'b', 60_000)).toBe(false);
    expect(await leases.tryAcquire(name, 'a', 60_000)).toBe(true); // ours: extended
    expect(await leases.renew(name, 'a', 60_000)).toBe(true);
    expect(await leases.renew(name, 'b', 60_000)).toBe(false);
    await leases.release(name, 'b');
    expect((await stored(name))?.owner).toBe('a');
    await leases.release(name, 'a');
    expect(await stored(name)).toBeNull();
    expect(await leases.renew(name, 'a', 60_000)).toBe(false);
    expect(await leases.tryAcquire(name, 'b', 60_000)).toBe(true);
  });

  it("an expired lease can be taken over; the former holder's renewal is refused", async () => {
    const leases = mongoLeaseStoreOn(db);
    const name = unique('projection:deals');
    expect(await leases.tryAcquire(name, 'a', 300)).toBe(true);
    expect(await leases.tryAcquire(name, 'b', 300)).toBe(false);
    await sleep(450);
    expect(await leases.tryAcquire(name, 'b', 60_000)).toBe(true);
    expect(await leases.renew(name, 'a', 60_000)).toBe(false);
    expect((await stored(name))?.owner).toBe('b');
  });

  it("stamps expiry on the server's clock, with a fresh token per acquisition", async () => {
    const leases = mongoLeaseStoreOn(db);
    const name = unique('projection:tasks');
    const serverBefore = (await helloLocalTime(db)()).getTime();
    await leases.tryAcquire(name, 'a', 10_000, 'token-1');
    const serverAfter = (await helloLocalTime(db)()).getTime();
    const first = await stored(name);
    expect(first?.token).toBe('token-1');
    expect(first?.expiresAt.getTime()).toBeGreaterThanOrEqual(serverBefore + 10_000 - 50);
    expect(first?.expiresAt.getTime()).toBeLessThanOrEqual(serverAfter + 10_000 + 50);
    await leases.renew(name, 'a', 10_000);
    expect((await stored(name))?.token).toBe('token-1'); // a renewal keeps the acquisition
    await leases.tryAcquire(name, 'a', 10_000, 'token-2');
    expect((await stored(name))?.token).toBe('token-2');
  });

  it('fences commits: after a takeover the former holder cannot commit, the new one can', async () => {
    const leases = mongoLeaseStoreOn(db);
    const documents = createMongoDocumentStore({ client, databaseName, transactions: 'never' });
    const name = unique('projection:contacts');
    const collection = unique('contacts').replace(':', '_');
    const batch = (owner: string, token: string, position: number): WriteBatch => ({
      writes: [{ collection, op: 'upsert', document: { _id: 'c', owner, _position: position } }],
      checkpoints: [{ name: `cp-${collection}`, position: BigInt(position) }],
      position: BigInt(position),
      fences: [{ lease: name, owner, token }],
    });
    expect(await leases.tryAcquire(name, 'a', 300, 'a-1')).toBe(true);
    await documents.commit(batch('a', 'a-1', 1));
    await sleep(450); // a pauses past its lease
    expect(await leases.tryAcquire(name, 'b', 60_000, 'b-1')).toBe(true);
    await documents.commit(batch('b', 'b-1', 2));
    await expect(documents.commit(batch('a', 'a-1', 3))).rejects.toBeInstanceOf(LeaseLostError);
    expect(await documents.collection(collection).get('c')).toEqual({
      _id: 'c',
      owner: 'b',
      _position: 2,
    });
    expect(await documents.checkpoint(`cp-${collection}`)).toBe(2n);
  });
});
