import { AccessDeniedError, AllStreamResolvedEvent, UnavailableError } from '@eventstore/db-client';
import { SubscriptionFailedError } from '../errors';
import { RecordedEvent } from '../event-store';
import { waitFor } from './backoff';
import { EsdbMappingError } from './esdb-mapping-error';
import {
  followAll,
  FollowAllDeps,
  isPermanentSubscriptionError,
  SubscriptionSource,
} from './follow-all';

/*
 * The resubscribe / dedup / abort logic of subscribeToAll, driven by scripted subscriptions that
 * stand in for the client's. This proves the loop, not EventStoreDB: the integration spec runs
 * the real client against a real server.
 */

const created = new Date('2026-01-01T00:00:00.000Z');

/** An event as the client's subscription hands it out. */
const at = (
  position: bigint,
  type = 'Tested.v1',
  streamId = 'stream-1',
  prepare = position,
): AllStreamResolvedEvent => ({
  event: {
    streamId,
    id: `00000000-0000-4000-8000-${position.toString().padStart(12, '0')}`,
    isJson: true,
    revision: position,
    type,
    created,
    data: { position: Number(position) },
    metadata: {},
    position: { commit: position, prepare },
  },
  commitPosition: position,
});

type Step = AllStreamResolvedEvent | { fail: Error } | 'end';

/** Plays its steps, then waits for events that never come until it is unsubscribed. */
class ScriptedSubscription implements SubscriptionSource {
  unsubscribed = false;
  private release: () => void = () => undefined;
  private readonly released = new Promise<void>((resolve) => (this.release = resolve));

  constructor(private readonly steps: Step[]) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<AllStreamResolvedEvent, void, undefined> {
    for (const step of this.steps) {
      if (step === 'end') return;
      if ('fail' in step) throw step.fail;
      yield step;
    }
    await this.released;
  }

  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
    this.release();
  }
}

const harness = (sessions: Step[][]) => {
  const subscribedAfter: bigint[] = [];
  const subscriptions: ScriptedSubscription[] = [];
  const waits: number[] = [];
  const drops: unknown[] = [];
  const failures: unknown[] = [];
  const recoveries = { count: 0 };
  const deps: FollowAllDeps = {
    subscribe: (after) => {
      subscribedAfter.push(after);
      const subscription = new ScriptedSubscription(sessions[subscriptions.length] ?? []);
      subscriptions.push(subscription);
      return subscription;
    },
    wait: async (ms) => {
      waits.push(ms);
    },
    onDropped: (error) => drops.push(error),
    onFailed: (error) => failures.push(error),
    onRecovered: () => (recoveries.count += 1),
  };
  return { deps, subscribedAfter, subscriptions, waits, drops, failures, recoveries };
};

const take = async (
  iterator: AsyncIterator<RecordedEvent>,
  count: number,
): Promise<RecordedEvent[]> => {
  const taken: RecordedEvent[] = [];
  while (taken.length < count) {
    const next = await iterator.next();
    if (next.done) throw new Error(`ended after ${taken.length} of ${count}`);
    taken.push(next.value);
  }
  return taken;
};

const positions = (events: RecordedEvent[]): bigint[] => events.map((e) => e.position);
const drop = (): { fail: Error } => ({ fail: new UnavailableError() });

describe('followAll (subscribeToAll loop)', () => {
  it('delivers from the given position in order, leaving out system events', async () => {
    const { deps, subscribedAfter } = harness([
      [at(10n), at(20n, '$metadata'), at(25n, 'Tested.v1', '$stats-node'), at(30n)],
    ]);
    const controller = new AbortController();
    const iterator = followAll(deps, -1n, [controller.signal]);
    const events = await take(iterator, 2);
    expect(positions(events)).toEqual([10n, 30n]);
    expect(events[0]).toMatchObject({ streamName: 'stream-1', type: 'Tested.v1', revision: 10n });
    expect(subscribedAfter).toEqual([-1n]);
    controller.abort();
    await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
  });

  it('resubscribes after a drop from the last position and never delivers an event twice', async () => {
    const { deps, subscribedAfter, waits, drops, subscriptions } = harness([
      [at(10n), at(20n), drop()],
      [at(10n), at(20n), at(30n)],
    ]);
    const controller = new AbortController();
    const iterator = followAll(deps, 5n, [controller.signal]);
    expect(positions(await take(iterator, 3))).toEqual([10n, 20n, 30n]);
    expect(subscribedAfter).toEqual([5n, 20n]);
    expect(waits).toEqual([100]);
    expect(drops[0]).toBeInstanceOf(UnavailableError);
    expect(subscriptions[0].unsubscribed).toBe(true);
    controller.abort();
    await iterator.next();
    expect(subscriptions[1].unsubscribed).toBe(true);
  });

  it('backs off 100 ms doubling to 5 s while drops repeat, and starts over after an event', async () => {
    const { deps, waits, subscribedAfter } = harness([
      ...Array.from({ length: 8 }, () => [drop()]),
      [at(40n), drop()],
      [drop()],
      [at(50n)],
    ]);
    const controller = new AbortController();
    const iterator = followAll(deps, -1n, [controller.signal]);
    expect(positions(await take(iterator, 2))).toEqual([40n, 50n]);
    expect(waits).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000, 100, 200]);
    expect(subscribedAfter.slice(-3)).toEqual([-1n, 40n, 40n]);
    controller.abort();
  });

  it('treats a subscription that ends by itself as a drop', async () => {
    const { deps, subscribedAfter, waits } = harness([[at(7n), 'end'], [at(8n)]]);
    const controller = new AbortController();
    const iterator = followAll(deps, -1n, [controller.signal]);
    expect(positions(await take(iterator, 2))).toEqual([7n, 8n]);
    expect(subscribedAfter).toEqual([-1n, 7n]);
    expect(waits).toEqual([100]);
    controller.abort();
  });

  it('finishes when the signal aborts while waiting for live events, and unsubscribes', async () => {
    const { deps, subscriptions } = harness([[at(1n)]]);
    const controller = new AbortController();
    const iterator = followAll(deps, -1n, [controller.signal]);
    await take(iterator, 1);
    const waiting = iterator.next();
    controller.abort();
    await expect(waiting).resolves.toEqual({ done: true, value: undefined });
    expect(subscriptions[0].unsubscribed).toBe(true);
  });

  it('delivers nothing after an abort made while the consumer held an event', async () => {
    const { deps } = harness([[at(1n), at(2n), at(3n)]]);
    const controller = new AbortController();
    const seen: RecordedEvent[] = [];
    for await (const event of followAll(deps, -1n, [controller.signal])) {
      seen.push(event);
      controller.abort();
    }
    expect(positions(seen)).toEqual([1n]);
  });

  it('finishes promptly when the signal aborts during the backoff wait', async () => {
    const { deps, subscribedAfter } = harness([[drop()]]);
    const controller = new AbortController();
    const iterator = followAll({ ...deps, wait: waitFor }, -1n, [controller.signal]);
    const waiting = iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    await expect(waiting).resolves.toEqual({ done: true, value: undefined });
    expect(subscribedAfter).toEqual([-1n]);
  });

  it('never subscribes when a signal is already aborted', async () => {
    const { deps, subscribedAfter } = harness([[at(1n)]]);
    const controller = new AbortController();
    controller.abort();
    const iterator = followAll(deps, -1n, [controller.signal]);
    await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
    expect(subscribedAfter).toEqual([]);
  });

  it('ends on any of its signals (the store closing ends it too)', async () => {
    const { deps } = harness([[at(1n)]]);
    const caller = new AbortController();
    const store = new AbortController();
    const iterator = followAll(deps, -1n, [caller.signal, store.signal]);
    await take(iterator, 1);
    const waiting = iterator.next();
    store.abort();
    await expect(waiting).resolves.toEqual({ done: true, value: undefined });
  });

  it('unsubscribes when the consumer stops iterating', async () => {
    const { deps, subscriptions } = harness([[at(1n), at(2n)]]);
    for await (const event of followAll(deps, -1n, [])) {
      expect(event.position).toBe(1n);
      break;
    }
    expect(subscriptions[0].unsubscribed).toBe(true);
  });

  it('throws an unmappable event to the consumer instead of retrying', async () => {
    const shared = at(9n, 'Tested.v1', 'stream-1', 4n);
    const { deps, subscribedAfter, subscriptions } = harness([[at(1n), shared], [at(20n)]]);
    const iterator = followAll(deps, -1n, []);
    await take(iterator, 1);
    await expect(iterator.next()).rejects.toBeInstanceOf(EsdbMappingError);
    expect(subscribedAfter).toEqual([-1n]);
    expect(subscriptions[0].unsubscribed).toBe(true);
  });

  it('ends with SubscriptionFailedError on an error no retry can cure, and says so once', async () => {
    const denied = new AccessDeniedError();
    const { deps, subscribedAfter, drops, failures } = harness([
      [at(1n), { fail: denied }],
      [at(2n)],
    ]);
    const iterator = followAll(deps, -1n, []);
    await take(iterator, 1);
    const ended = iterator.next();
    await expect(ended).rejects.toBeInstanceOf(SubscriptionFailedError);
    await expect(ended).rejects.toMatchObject({ cause: denied });
    expect(subscribedAfter).toEqual([-1n]); // not retried
    expect(drops).toEqual([]);
    expect(failures).toEqual([denied]);
  });

  it('tells permanent errors from the ones a resubscription cures', () => {
    expect(isPermanentSubscriptionError(new AccessDeniedError())).toBe(true);
    expect(isPermanentSubscriptionError({ code: 3, details: 'invalid argument' })).toBe(true);
    expect(isPermanentSubscriptionError({ code: 7, details: 'permission denied' })).toBe(true);
    expect(isPermanentSubscriptionError(new UnavailableError())).toBe(false);
    expect(isPermanentSubscriptionError(new Error('socket hang up'))).toBe(false);
    expect(isPermanentSubscriptionError({ code: 14 })).toBe(false);
  });

  it('reports the recovery when events flow again after drops', async () => {
    const { deps, recoveries } = harness([[at(1n), drop()], [drop()], [at(2n)]]);
    const iterator = followAll(deps, -1n, []);
    await take(iterator, 2);
    expect(recoveries.count).toBe(1);
  });

  it('delivers an event it cannot read as unreadable and carries on with the next ones', async () => {
    const bad = at(2n);
    if (bad.event) bad.event.data = '{not json';
    const { deps } = harness([[at(1n), bad, at(3n)]]);
    const delivered = await take(followAll(deps, -1n, []), 3);
    expect(positions(delivered)).toEqual([1n, 2n, 3n]);
    expect(delivered.map((event) => event.unreadable === undefined)).toEqual([true, false, true]);
  });
});
