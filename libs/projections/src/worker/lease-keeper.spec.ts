import { createEmbeddedDocumentStore, DocumentStore } from '@crm/read-store';
import { createEmbeddedLeaseStore } from '../lease/embedded-lease-store';
import { LeaseStore } from '../lease/lease-store';
import { LeaseAttempt, LeaseKeeper, leaseNameFor } from './lease-keeper';

describe('LeaseKeeper', () => {
  let documents: DocumentStore;
  let now: number;
  let errors: { attempt: LeaseAttempt; projection: string }[];
  beforeEach(() => {
    documents = createEmbeddedDocumentStore({ path: ':memory:' });
    now = 1_000;
    errors = [];
  });
  afterEach(() => documents.close());

  const keeper = (owner: string, leases: LeaseStore = createEmbeddedLeaseStore(documents)) =>
    new LeaseKeeper({
      leases,
      owner,
      ttlMs: 1_000,
      stopMarginMs: 400,
      now: () => now,
      onError: (attempt, projection) => errors.push({ attempt, projection }),
    });

  it('takes the free leases, named projection:<name>, and reports which it got', async () => {
    const leases = createEmbeddedLeaseStore(documents);
    const first = keeper('a', leases);
    const second = keeper('b', leases);
    expect(await first.acquire(['contacts'])).toEqual(['contacts']);
    expect(await second.acquire(['contacts', 'deals'])).toEqual(['deals']);
    expect(first.held()).toEqual(['contacts']);
    expect(second.held()).toEqual(['deals']);
    expect(leases.holder(leaseNameFor('contacts'))?.owner).toBe('a');
    expect(await first.acquire(['contacts'])).toEqual([]); // already held: not asked again
  });

  it('a renewal refused by the store loses the lease', async () => {
    const leases = createEmbeddedLeaseStore(documents);
    const first = keeper('a', leases);
    await first.acquire(['contacts']);
    await leases.release(leaseNameFor('contacts'), 'a');
    expect(await first.renew()).toEqual(['contacts']);
    expect(first.holds('contacts')).toBe(false);
  });

  it('a renewal with no answer by the deadline loses the lease, however late the answer', async () => {
    const silent: LeaseStore = {
      tryAcquire: async () => true,
      renew: () => new Promise(() => undefined),
      release: async () => undefined,
    };
    const first = keeper('a', silent);
    await first.acquire(['contacts']); // deadline: 1000 + 1000 - 400 = 1600
    now = 1_550; // 50 ms left
    const started = Date.now();
    expect(await first.renew()).toEqual(['contacts']);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(errors).toEqual([{ attempt: 'renew', projection: 'contacts' }]);
  });

  it('does not even try to renew once the deadline has passed', async () => {
    let renewals = 0;
    const counting: LeaseStore = {
      tryAcquire: async () => true,
      renew: async () => {
        renewals += 1;
        return true;
      },
      release: async () => undefined,
    };
    const first = keeper('a', counting);
    await first.acquire(['contacts']);
    now = 1_600;
    expect(await first.renew()).toEqual(['contacts']);
    expect(renewals).toBe(0);
  });

  it('a successful renewal moves the deadline on from when it was sent', async () => {
    const first = keeper('a');
    await first.acquire(['contacts']);
    now = 1_500;
    expect(await first.renew()).toEqual([]);
    now = 2_050; // past the first deadline (1600), before the new one (2100)
    expect(await first.renew()).toEqual([]);
    expect(first.holds('contacts')).toBe(true);
  });

  it('a store that fails counts as not acquired, and the error is reported', async () => {
    const failing: LeaseStore = {
      tryAcquire: () => Promise.reject(new Error('connection refused')),
      renew: async () => false,
      release: async () => undefined,
    };
    expect(await keeper('a', failing).acquire(['contacts'])).toEqual([]);
    expect(errors).toEqual([{ attempt: 'acquire', projection: 'contacts' }]);
  });

  it('fences commits with the token of the current acquisition, and not at all once lost or late', async () => {
    const leases = createEmbeddedLeaseStore(documents);
    const first = keeper('a', leases);
    await first.acquire(['contacts']);
    const fence = first.fenceFor('contacts');
    expect(fence).toEqual({
      lease: 'projection:contacts',
      owner: 'a',
      token: leases.holder('projection:contacts')?.token,
    });
    expect(fence?.token).toEqual(expect.any(String));
    expect(first.fenceFor('deals')).toBeUndefined();
    now = 1_600; // the deadline (1000 + 1000 - 400): the runner must already be stopping
    expect(first.fenceFor('contacts')).toBeUndefined();
    now = 1_000;
    await leases.release(leaseNameFor('contacts'), 'a');
    await first.renew();
    expect(first.fenceFor('contacts')).toBeUndefined();
    await first.acquire(['contacts']);
    expect(first.fenceFor('contacts')?.token).not.toBe(fence?.token);
  });

  it('releases everything it holds', async () => {
    const leases = createEmbeddedLeaseStore(documents);
    const first = keeper('a', leases);
    await first.acquire(['contacts', 'deals']);
    await first.releaseAll();
    expect(first.held()).toEqual([]);
    expect(leases.holder(leaseNameFor('contacts'))).toBeUndefined();
    expect(leases.holder(leaseNameFor('deals'))).toBeUndefined();
  });
});
