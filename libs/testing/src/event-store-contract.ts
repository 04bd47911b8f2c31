import { randomUUID } from 'node:crypto';
import {
  EventStore,
  EventToAppend,
  ExpectedRevision,
  JsonObject,
  PartialDuplicateAppendError,
  RecordedEvent,
  WrongExpectedRevisionError,
} from '@crm/event-store';

/**
 * The behaviour every EventStore adapter must have, written against the port only so it runs
 * unchanged on SQLite and EventStoreDB. Tests never assume an empty or private log: streams get
 * unique names, positions are compared with what the test itself wrote, and reads of the whole
 * log keep only the test's own streams.
 */
export const eventStoreContract = (
  name: string,
  createStore: () => Promise<EventStore>,
  dispose: (store: EventStore) => Promise<void> = (store) => store.close(),
): void => {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;

    beforeEach(async () => {
      store = await createStore();
    });

    afterEach(async () => {
      await dispose(store);
    });

    const append = (streamName: string, events: EventToAppend[], expected?: ExpectedRevision) =>
      store.appendToStream(
        streamName,
        events,
        expected === undefined ? undefined : { expectedRevision: expected },
      );

    const seed = async (streamName: string, count: number): Promise<EventToAppend[]> => {
      const events = newEvents(count);
      await append(streamName, events);
      return events;
    };

    const expectWrongRevision = async (
      attempt: Promise<unknown>,
      streamName: string,
      expected: ExpectedRevision,
      actual: bigint | 'no_stream',
    ): Promise<void> => {
      const error = await rejectionOf(attempt);
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      const wrong = error as WrongExpectedRevisionError;
      expect(wrong.streamName).toBe(streamName);
      expect(wrong.expected).toBe(expected);
      expect(wrong.actual).toBe(actual);
    };

    describe('appendToStream: expected revision', () => {
      it("'any' (the default) appends to an absent stream and to an existing one", async () => {
        const stream = uniqueStream('any');
        await expect(append(stream, newEvents(1))).resolves.toMatchObject({ nextRevision: 0n });
        await expect(append(stream, newEvents(1), 'any')).resolves.toMatchObject({
          nextRevision: 1n,
        });
      });

      it("'no_stream' creates a stream and fails once it exists, with its actual revision", async () => {
        const stream = uniqueStream('no-stream');
        await expect(append(stream, newEvents(2), 'no_stream')).resolves.toMatchObject({
          nextRevision: 1n,
        });
        await expectWrongRevision(
          append(stream, newEvents(1), 'no_stream'),
          stream,
          'no_stream',
          1n,
        );
      });

      it("'stream_exists' fails on an absent stream and appends to an existing one", async () => {
        const stream = uniqueStream('exists');
        await expectWrongRevision(
          append(stream, newEvents(1), 'stream_exists'),
          stream,
          'stream_exists',
          'no_stream',
        );
        await seed(stream, 1);
        await expect(append(stream, newEvents(1), 'stream_exists')).resolves.toMatchObject({
          nextRevision: 1n,
        });
      });

      it('an exact revision appends only when it is the last revision of the stream', async () => {
        const stream = uniqueStream('exact');
        await expectWrongRevision(append(stream, newEvents(1), 0n), stream, 0n, 'no_stream');
        await seed(stream, 3);
        await expectWrongRevision(append(stream, newEvents(1), 1n), stream, 1n, 2n);
        await expectWrongRevision(append(stream, newEvents(1), 3n), stream, 3n, 2n);
        await expect(append(stream, newEvents(2), 2n)).resolves.toMatchObject({
          nextRevision: 4n,
        });
      });

      it('a rejected append writes nothing', async () => {
        const stream = uniqueStream('rejected');
        const seeded = await seed(stream, 2);
        await rejectionOf(append(stream, newEvents(3), 0n));
        await rejectionOf(append(stream, newEvents(3), 'no_stream'));
        expect(ids(await store.readStream(stream))).toEqual(ids(seeded));
      });

      it('an empty list writes nothing and reports the current state', async () => {
        const stream = uniqueStream('empty');
        await expect(append(stream, [], 'no_stream')).resolves.toEqual({
          nextRevision: -1n,
          position: -1n,
        });
        expect(await store.readStream(stream)).toEqual([]);
        const seeded = await append(stream, newEvents(2));
        await expect(append(stream, [], 1n)).resolves.toEqual(seeded);
        await expectWrongRevision(append(stream, [], 0n), stream, 0n, 1n);
        await expectWrongRevision(append(stream, [], 'no_stream'), stream, 'no_stream', 1n);
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });

    describe('revisions and positions', () => {
      it('revisions start at 0 and stay contiguous across appends', async () => {
        const stream = uniqueStream('revisions');
        const first = await append(stream, newEvents(3));
        const second = await append(stream, newEvents(2));
        expect(first.nextRevision).toBe(2n);
        expect(second.nextRevision).toBe(4n);
        const events = await store.readStream(stream);
        expect(events.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
        expect(events.every((e) => typeof e.revision === 'bigint')).toBe(true);
        expect(events.every((e) => typeof e.position === 'bigint')).toBe(true);
      });

      it("an append reports its last event's position", async () => {
        const stream = uniqueStream('result');
        const result = await append(stream, newEvents(3));
        const events = await store.readStream(stream);
        expect(result.position).toBe(events[2].position);
      });

      it('positions strictly increase in append order across streams', async () => {
        const a = uniqueStream('positions-a');
        const b = uniqueStream('positions-b');
        const before = await store.headPosition();
        const written: EventToAppend[] = [];
        for (const stream of [a, b, a, b, b, a]) {
          const events = newEvents(2);
          written.push(...events);
          const result = await append(stream, events);
          expect(result.position).toBeGreaterThan(before);
        }
        const all = await readOwn(store, before, new Set([a, b]), written.length);
        expect(ids(all)).toEqual(ids(written));
        expectStrictlyIncreasing(all.map((e) => e.position));
      });
    });

    describe('readStream', () => {
      let stream: string;
      let seeded: EventToAppend[];

      beforeEach(async () => {
        stream = uniqueStream('read');
        seeded = await seed(stream, 5);
      });

      const revisions = async (options: Parameters<EventStore['readStream']>[1]) =>
        (await store.readStream(stream, options)).map((e) => e.revision);

      it('reads forwards by default', async () => {
        const events = await store.readStream(stream);
        expect(ids(events)).toEqual(ids(seeded));
        expect(events.every((e) => e.streamName === stream)).toBe(true);
      });

      it('reads backwards from the end', async () => {
        expect(await revisions({ direction: 'backwards' })).toEqual([4n, 3n, 2n, 1n, 0n]);
      });

      it('starts at fromRevision, inclusive, in either direction', async () => {
        expect(await revisions({ fromRevision: 2n })).toEqual([2n, 3n, 4n]);
        expect(await revisions({ direction: 'backwards', fromRevision: 2n })).toEqual([2n, 1n, 0n]);
      });

      it('limits to maxCount', async () => {
        expect(await revisions({ maxCount: 2 })).toEqual([0n, 1n]);
        expect(await revisions({ fromRevision: 1n, maxCount: 2 })).toEqual([1n, 2n]);
        expect(await revisions({ direction: 'backwards', maxCount: 2 })).toEqual([4n, 3n]);
      });

      it('reads nothing forwards past the end; backwards past the end starts at the end', async () => {
        expect(await revisions({ fromRevision: 5n })).toEqual([]);
        expect(await revisions({ direction: 'backwards', fromRevision: 10n, maxCount: 1 })).toEqual(
          [4n],
        );
      });

      it('reads an absent stream as empty', async () => {
        const absent = uniqueStream('absent');
        expect(await store.readStream(absent)).toEqual([]);
        expect(await store.readStream(absent, { direction: 'backwards' })).toEqual([]);
      });
    });

    describe('readAll', () => {
      it('pages through the log in global order, `after` exclusive', async () => {
        const a = uniqueStream('all-a');
        const b = uniqueStream('all-b');
        const start = await store.headPosition();
        const written = [...(await seed(a, 2)), ...(await seed(b, 1)), ...(await seed(a, 2))];
        const own = new Set([a, b]);
        const collected: RecordedEvent[] = [];
        let after = start;
        while (collected.filter((e) => own.has(e.streamName)).length < written.length) {
          const page = await store.readAll({ after, maxCount: 2 });
          expect(page.length).toBeGreaterThan(0);
          expect(page.length).toBeLessThanOrEqual(2);
          expect(page[0].position).toBeGreaterThan(after);
          collected.push(...page);
          after = page[page.length - 1].position;
        }
        expectStrictlyIncreasing(collected.map((e) => e.position));
        expect(ids(collected.filter((e) => own.has(e.streamName)))).toEqual(ids(written));
      });

      it('starts right after the given position', async () => {
        const stream = uniqueStream('all-after');
        await seed(stream, 3);
        const [first, second, third] = await store.readStream(stream);
        const page = await store.readAll({ after: first.position, maxCount: 1 });
        expect(page).toHaveLength(1);
        expect(page[0].position).toBeGreaterThan(first.position);
        expect(page[0].position).toBeLessThanOrEqual(second.position);
        const rest = await readOwn(store, first.position, new Set([stream]), 2);
        expect(ids(rest)).toEqual([second.id, third.id]);
      });

      it('reads the same events as readStream', async () => {
        const stream = uniqueStream('all-same');
        const start = await store.headPosition();
        await seed(stream, 2);
        const fromAll = await readOwn(store, start, new Set([stream]), 2);
        expect(fromAll).toEqual(await store.readStream(stream));
      });
    });

    describe('idempotency', () => {
      it('appending the same event ids again writes nothing and returns the same result', async () => {
        const stream = uniqueStream('idempotent');
        const events = newEvents(2);
        const first = await append(stream, events, 'no_stream');
        await expect(append(stream, events, 'no_stream')).resolves.toEqual(first);
        await expect(append(stream, events, 'any')).resolves.toEqual(first);
        expect(ids(await store.readStream(stream))).toEqual(ids(events));
      });

      it('recognises a repeat of an earlier batch after later appends', async () => {
        const stream = uniqueStream('idempotent-later');
        const events = newEvents(2);
        const first = await append(stream, events, 'no_stream');
        await append(stream, newEvents(1), 1n);
        await expect(append(stream, events, 'no_stream')).resolves.toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('rejects a batch that only partly repeats stored events, writing nothing', async () => {
        const stream = uniqueStream('partial');
        const [a, b] = await seed(stream, 2);
        const [c] = newEvents(1);
        for (const batch of [
          [b, c],
          [c, a],
          [b, a],
        ]) {
          const error = await rejectionOf(append(stream, batch));
          expect(error).toBeInstanceOf(PartialDuplicateAppendError);
          expect((error as PartialDuplicateAppendError).streamName).toBe(stream);
        }
        expect(ids(await store.readStream(stream))).toEqual([a.id, b.id]);
      });
    });

    describe('round trip', () => {
      it('returns data, metadata, type and id exactly as appended', async () => {
        const stream = uniqueStream('round-trip');
        const event: EventToAppend = {
          id: randomUUID(),
          type: 'ContractRoundTripped.v2',
          data: ROUND_TRIP_DATA,
          metadata: {
            $correlationId: randomUUID(),
            $causationId: randomUUID(),
            tenant: 'tenant-ü',
            actor: { id: 'user-1', roles: ['admin', 'sales'] },
          },
        };
        await append(stream, [event]);
        const [read] = await store.readStream(stream);
        expect(read.id).toBe(event.id);
        expect(read.type).toBe(event.type);
        expect(read.data).toEqual(event.data);
        expect(read.metadata).toEqual(event.metadata);
        expect(JSON.stringify(read.data)).toBe(JSON.stringify(event.data));
        expect(JSON.stringify(read.metadata)).toBe(JSON.stringify(event.metadata));
        expect(read.recordedAt).toBeInstanceOf(Date);
        expect(Number.isNaN(read.recordedAt.getTime())).toBe(false);
      });
    });

    describe('headPosition', () => {
      it('moves to at least the position of the last append', async () => {
        const stream = uniqueStream('head');
        const before = await store.headPosition();
        const result = await append(stream, newEvents(2));
        expect(result.position).toBeGreaterThan(before);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(result.position);
      });
    });

    describe('subscribeToAll', () => {
      it('delivers the existing events, then live appends, in order', async () => {
        const stream = uniqueStream('subscribe');
        const start = await store.headPosition();
        const existing = await seed(stream, 3);
        const subscription = follow(store, start, new Set([stream]));
        try {
          expect(ids(await subscription.take(3))).toEqual(ids(existing));
          const pending = subscription.take(2);
          const live = newEvents(2);
          await append(stream, live.slice(0, 1));
          await append(stream, live.slice(1));
          const delivered = await pending;
          expect(ids(delivered)).toEqual(ids(live));
          expect(delivered.map((e) => e.revision)).toEqual([3n, 4n]);
          expectStrictlyIncreasing(subscription.delivered.map((e) => e.position));
          expect(subscription.delivered.every((e) => e.position > start)).toBe(true);
        } finally {
          subscription.stop();
        }
      });

      it('starts after the given position, exclusive', async () => {
        const stream = uniqueStream('subscribe-after');
        const [, second, third] = await seed(stream, 3);
        const [first] = await store.readStream(stream, { maxCount: 1 });
        const subscription = follow(store, first.position, new Set([stream]));
        try {
          expect(ids(await subscription.take(2))).toEqual([second.id, third.id]);
          expect(subscription.delivered.every((e) => e.position > first.position)).toBe(true);
        } finally {
          subscription.stop();
        }
      });

      it('catches up through more than one page of history without gaps or repeats', async () => {
        const stream = uniqueStream('subscribe-pages');
        const start = await store.headPosition();
        for (let batch = 0; batch < 11; batch += 1) await seed(stream, 100);
        const subscription = follow(store, start, new Set([stream]));
        try {
          const delivered = await subscription.take(1100, 20_000);
          expect(delivered.map((e) => e.revision)).toEqual(
            Array.from({ length: 1100 }, (_, i) => BigInt(i)),
          );
          expectStrictlyIncreasing(subscription.delivered.map((e) => e.position));
        } finally {
          subscription.stop();
        }
      });

      it('finishes promptly when the signal aborts while waiting for live events', async () => {
        const stream = uniqueStream('subscribe-abort');
        const start = await store.headPosition();
        await seed(stream, 1);
        const subscription = follow(store, start, new Set([stream]));
        await subscription.take(1);
        const finished = subscription.rest();
        subscription.stop();
        const leftovers = await withTimeout(finished, 2000, 'the subscription to finish');
        expect(leftovers.filter((e) => e.streamName === stream)).toEqual([]);
        await expect(subscription.rest()).resolves.toEqual([]);
      });

      it('ends a for-await loop on abort and delivers nothing after it', async () => {
        const stream = uniqueStream('subscribe-loop');
        const start = await store.headPosition();
        await seed(stream, 3);
        const controller = new AbortController();
        const seen: RecordedEvent[] = [];
        const loop = (async () => {
          for await (const event of store.subscribeToAll({
            after: start,
            signal: controller.signal,
          })) {
            if (event.streamName !== stream) continue;
            seen.push(event);
            if (seen.length === 1) controller.abort();
          }
        })();
        await withTimeout(loop, 2000, 'the loop to end');
        expect(seen).toHaveLength(1);
      });

      it('delivers nothing when the signal is already aborted', async () => {
        const start = await store.headPosition();
        await seed(uniqueStream('subscribe-aborted'), 1);
        const controller = new AbortController();
        controller.abort();
        const iterator = store
          .subscribeToAll({ after: start, signal: controller.signal })
          [Symbol.asyncIterator]();
        await expect(withTimeout(iterator.next(), 2000, 'next')).resolves.toMatchObject({
          done: true,
        });
      });
    });

    describe('concurrency', () => {
      it('of parallel appends expecting the same revision, exactly one wins', async () => {
        const stream = uniqueStream('race');
        await seed(stream, 1);
        const attempts = await Promise.allSettled(
          Array.from({ length: 10 }, () => append(stream, newEvents(1), 0n)),
        );
        expectOneWinner(attempts, 1n);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it("of parallel 'no_stream' appends, exactly one creates the stream", async () => {
        const stream = uniqueStream('race-create');
        const attempts = await Promise.allSettled(
          Array.from({ length: 10 }, () => append(stream, newEvents(2), 'no_stream')),
        );
        expectOneWinner(attempts, 1n);
        expect(await store.readStream(stream)).toHaveLength(2);
      });
    });
  });
};

const ROUND_TRIP_DATA: JsonObject = {
  name: 'Zoë Ångström 山田 太郎 🚀',
  combining: 'e\u0301',
  quotes: 'single \' double " backslash \\ newline \n tab \t',
  empty: '',
  nothing: null,
  yes: true,
  no: false,
  integer: 42,
  negative: -7,
  decimal: 1234.5678,
  tiny: 1e-7,
  large: 9007199254740991,
  list: [1, 'two', null, { three: [3] }, []],
  nested: { deeper: { deepest: { value: 'ok', empty: {} } } },
  'key with spaces': 'v',
  $special: 'dollar-prefixed key',
};

const uniqueStream = (label: string): string =>
  `contract_${label}-${randomUUID().replace(/-/g, '')}`;

/** Event ids are UUIDs, as EventStoreDB requires. */
const newEvents = (count: number): EventToAppend[] =>
  Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    type: 'ContractEventAppended.v1',
    data: { index },
    metadata: {},
  }));

const ids = (events: Array<{ id: string }>): string[] => events.map((e) => e.id);

const rejectionOf = async (attempt: Promise<unknown>): Promise<unknown> => {
  try {
    await attempt;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the promise resolved');
};

const expectStrictlyIncreasing = (positions: bigint[]): void => {
  positions.slice(1).forEach((position, index) => {
    expect(position).toBeGreaterThan(positions[index]);
  });
};

const expectOneWinner = (
  attempts: PromiseSettledResult<unknown>[],
  actualForLosers: bigint,
): void => {
  const winners = attempts.filter((a) => a.status === 'fulfilled');
  const losers = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
  expect(winners).toHaveLength(1);
  expect(losers).toHaveLength(attempts.length - 1);
  for (const loser of losers) {
    expect(loser.reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect((loser.reason as WrongExpectedRevisionError).actual).toBe(actualForLosers);
  }
};

const withTimeout = async <T>(promise: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

/** Own events of the log after `after`, read page by page until `count` are found. */
const readOwn = async (
  store: EventStore,
  after: bigint,
  streams: Set<string>,
  count: number,
): Promise<RecordedEvent[]> => {
  const own: RecordedEvent[] = [];
  let cursor = after;
  while (own.length < count) {
    const page = await store.readAll({ after: cursor, maxCount: 100 });
    if (page.length === 0) break;
    own.push(...page.filter((e) => streams.has(e.streamName)));
    cursor = page[page.length - 1].position;
  }
  return own;
};

/** A subscription filtered to the test's own streams, read with a deadline. */
const follow = (store: EventStore, after: bigint, streams: Set<string>) => {
  const controller = new AbortController();
  const iterator = store
    .subscribeToAll({ after, signal: controller.signal })
    [Symbol.asyncIterator]();
  const delivered: RecordedEvent[] = [];
  const take = async (count: number, timeoutMs = 5000): Promise<RecordedEvent[]> => {
    const taken: RecordedEvent[] = [];
    const deadline = Date.now() + timeoutMs;
    while (taken.length < count) {
      const remaining = Math.max(1, deadline - Date.now());
      const next = await withTimeout(iterator.next(), remaining, `${count} events`);
      if (next.done) throw new Error(`subscription ended after ${taken.length} of ${count}`);
      delivered.push(next.value);
      if (streams.has(next.value.streamName)) taken.push(next.value);
    }
    return taken;
  };
  /** Everything still delivered until the iterator finishes (call after or just before stop). */
  const rest = async (): Promise<RecordedEvent[]> => {
    const leftovers: RecordedEvent[] = [];
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      leftovers.push(next.value);
    }
    return leftovers;
  };
  return { take, rest, delivered, stop: () => controller.abort() };
};
