import { EventStoreDBClient, UnavailableError } from '@eventstore/db-client';
import { createEsdbEventStore } from './esdb-event-store';

/*
 * The store's wiring, with real clients and no server: nothing listens on port 1, so every call
 * fails the way an unreachable server makes it fail. Behaviour against a server is the
 * integration spec's job.
 */
const UNREACHABLE = 'esdb://127.0.0.1:1?tls=false';

describe('EventStoreDB store wiring (no server)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('disposes the client it created on close, once', async () => {
    const created = jest.spyOn(EventStoreDBClient, 'connectionString');
    const store = createEsdbEventStore({ connectionString: UNREACHABLE });
    const client = created.mock.results[0]?.value as EventStoreDBClient;
    const dispose = jest.spyOn(client, 'dispose');
    await store.close();
    await store.close();
    expect(dispose).toHaveBeenCalledTimes(1);
  });

  it("leaves a caller's client open on close", async () => {
    const client = EventStoreDBClient.connectionString(UNREACHABLE);
    const dispose = jest.spyOn(client, 'dispose');
    await createEsdbEventStore({ client }).close();
    expect(dispose).not.toHaveBeenCalled();
    await client.dispose();
  });

  it('reports a dropped subscription, retries, and ends when the store closes', async () => {
    const drops: number[] = [];
    const store = createEsdbEventStore({
      connectionString: UNREACHABLE,
      onSubscriptionDropped: (_error, retryInMs) => drops.push(retryInMs),
    });
    const iterator = store.subscribeToAll()[Symbol.asyncIterator]();
    const next = iterator.next();
    const deadline = Date.now() + 10_000;
    while (drops.length < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(drops.slice(0, 2)).toEqual([100, 200]);
    await store.close();
    await expect(next).resolves.toEqual({ done: true, value: undefined });
  });

  it("passes the client's errors through when the server is unreachable", async () => {
    const store = createEsdbEventStore({ connectionString: UNREACHABLE });
    const event = {
      id: '6f1c1a52-4c3e-4f8e-9a53-0f7d8c1b2a10',
      type: 'T.v1',
      data: {},
      metadata: {},
    };
    try {
      await expect(store.readStream('customer-1')).rejects.toBeInstanceOf(UnavailableError);
      await expect(store.appendToStream('customer-1', [event])).rejects.toBeInstanceOf(
        UnavailableError,
      );
      await expect(store.headPosition()).rejects.toBeInstanceOf(UnavailableError);
    } finally {
      await store.close();
    }
  });
});
