import { createEmbeddedDocumentStore, DocumentStore } from '@crm/read-store';
import { createEmbeddedLeaseStore } from './embedded-lease-store';
import { fakeClock } from './fake-clock';

const TTL = 15_000;

describe('the embedded lease store', () => {
  let documents: DocumentStore;
  beforeEach(() => {
    documents = createEmbeddedDocumentStore({ path: ':memory:' });
  });
  afterEach(() => documents.close());

  it('gives a free lease to the first owner and refuses it to the others until it expires', async () => {
    const time = fakeClock();
    const leases = createEmbeddedLeaseStore(documents, { clock: time.clock });
    expect(await leases.tryAcquire('projection:contacts', 'a', TTL)).toBe(true);
    expect(await leases.tryAcquire('projection:contacts', 'b', TTL)).toBe(false);
    expect(leases.holder('projection:contacts')).toEqual({
      owner: 'a',
      expiresAt: new Date(time.clock().getTime() + TTL),
    });

    time.advance(TTL); // exactly at expiry: still held
    expect(await leases.tryAcquire('projection:contacts', 'b', TTL)).toBe(false);
    time.advance(1);
    expect(await leases.tryAcquire('projection:contacts', 'b', TTL)).toBe(true);
    expect(leases.holder('projection:contacts')?.owner).toBe('b');
    expect(await leases.renew('projection:contacts', 'a', TTL)).toBe(false);
  });

  it('acquiring a lease already ours succeeds and extends it', async () => {
    const time = fakeClock();
    const leases = createEmbeddedLeaseStore(documents, { clock: time.clock });
    expect(await leases.tryAcquire('l', 'a', TTL)).toBe(true);
    time.advance(10_000);
    expect(await leases.tryAcquire('l', 'a', TTL)).toBe(true);
    time.advance(10_000); // 20 s after the first acquire, 10 s after the second
    expect(await leases.tryAcquire('l', 'b', TTL)).toBe(false);
  });

  it('a renewal keeps the lease past its first expiry; only the holder can renew', async () => {
    const time = fakeClock();
    const leases = createEmbeddedLeaseStore(documents, { clock: time.clock });
    await leases.tryAcquire('l', 'a', TTL);
    time.advance(5_000);
    expect(await leases.renew('l', 'a', TTL)).toBe(true);
    expect(await leases.renew('l', 'b', TTL)).toBe(false);
    time.advance(12_000); // past the first expiry, within the renewed one
    expect(await leases.tryAcquire('l', 'b', TTL)).toBe(false);
    expect(await leases.renew('unknown', 'a', TTL)).toBe(false);
  });

  it('release frees the lease at once, but only when the caller holds it', async () => {
    const time = fakeClock();
    const leases = createEmbeddedLeaseStore(documents, { clock: time.clock });
    await leases.tryAcquire('l', 'a', TTL);
    await leases.release('l', 'b');
    expect(await leases.tryAcquire('l', 'b', TTL)).toBe(false);
    await leases.release('l', 'a');
    expect(leases.holder('l')).toBeUndefined();
    expect(await leases.renew('l', 'a', TTL)).toBe(false);
    expect(await leases.tryAcquire('l', 'b', TTL)).toBe(true);
  });

  it('stores on the same document store share their leases; another document store has its own', async () => {
    const other = createEmbeddedDocumentStore({ path: ':memory:' });
    const time = fakeClock();
    const first = createEmbeddedLeaseStore(documents, { clock: time.clock });
    const second = createEmbeddedLeaseStore(documents, { clock: time.clock });
    const elsewhere = createEmbeddedLeaseStore(other, { clock: time.clock });
    expect(await first.tryAcquire('l', 'a', TTL)).toBe(true);
    expect(await second.tryAcquire('l', 'b', TTL)).toBe(false);
    expect(await elsewhere.tryAcquire('l', 'b', TTL)).toBe(true);
    await other.close();
  });
});
