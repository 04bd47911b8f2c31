import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '@crm/testing';
import { EventStore, EventToAppend, RecordedEvent } from '../event-store';
import { PartialDuplicateAppendError } from '../errors';
import { SUBSCRIPTION_PAGE_SIZE } from './follow-log';
import { EVENTS_TABLE } from './sqlite-schema';
import { createSqliteEventStore, SqliteEventStoreOptions } from './sqlite-event-store';

const tempDirs: string[] = [];
const newTempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), `crm-sqlite-${randomUUID().slice(0, 8)}-`));
  tempDirs.push(dir);
  return dir;
};

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

for (const groupCommit of [true, false]) {
  const mode = groupCommit ? 'group commit' : 'one transaction per append';
  eventStoreContract(`sqlite in memory, ${mode}`, async () =>
    createSqliteEventStore({ path: ':memory:', groupCommit }),
  );

  // One file shared by every test of the suite: each store opens the log the previous left.
  const sharedFile = join(newTempDir(), `contract-${groupCommit ? 'grouped' : 'single'}.db`);
  eventStoreContract(`sqlite file, ${mode}`, async () =>
    createSqliteEventStore({ path: sharedFile, groupCommit }),
  );
}

const event = (metadata: EventToAppend['metadata'] = {}): EventToAppend => ({
  id: randomUUID(),
  type: 'SqliteTested.v1',
  data: { at: Date.now() },
  metadata,
});

describe('SQLite event store', () => {
  const open: EventStore[] = [];
  const openStore = (options: SqliteEventStoreOptions): EventStore => {
    const store = createSqliteEventStore(options);
    open.push(store);
    return store;
  };

  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });

  /** Takes the next `count` events of a subscription, failing after `timeoutMs`. */
  const take = async (
    iterator: AsyncIterator<RecordedEvent>,
    count: number,
    timeoutMs: number,
  ): Promise<RecordedEvent[]> => {
    const taken: RecordedEvent[] = [];
    const deadline = Date.now() + timeoutMs;
    while (taken.length < count) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`timed out with ${taken.length} of ${count} events`)),
          Math.max(1, deadline - Date.now()),
        );
      });
      const next = await Promise.race([iterator.next(), timeout]).finally(() =>
        clearTimeout(timer),
      );
      if (next.done) throw new Error('subscription ended');
      taken.push(next.value);
    }
    return taken;
  };

  it('reports -1n as the head of an empty log, and reads nothing', async () => {
    const store = openStore({ path: ':memory:' });
    expect(await store.headPosition()).toBe(-1n);
    expect(await store.readAll()).toEqual([]);
  });

  it('creates the parent directory and uses WAL', async () => {
    const file = join(newTempDir(), 'nested', 'deeper', 'events.db');
    const store = openStore({ path: file });
    await store.appendToStream('s', [event()]);
    expect(existsSync(file)).toBe(true);
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  it('accepts synchronous NORMAL and rejects unknown levels', async () => {
    const file = join(newTempDir(), 'normal.db');
    const store = openStore({ path: file, synchronous: 'NORMAL' });
    await expect(store.appendToStream('s', [event()])).resolves.toMatchObject({
      nextRevision: 0n,
    });
    const unknown = { path: file, synchronous: 'OFF' } as unknown as SqliteEventStoreOptions;
    expect(() => createSqliteEventStore(unknown)).toThrow(/synchronous/);
  });

  it('keeps the data across close and reopen', async () => {
    const file = join(newTempDir(), 'reopen.db');
    const first = createSqliteEventStore({ path: file });
    const appended = [event({ tenant: 't-1' }), event()];
    await first.appendToStream('customer-1', appended, { expectedRevision: 'no_stream' });
    const written = await first.readStream('customer-1');
    await first.close();

    const second = openStore({ path: file });
    expect(await second.readStream('customer-1')).toEqual(written);
    await expect(
      second.appendToStream('customer-1', [event()], { expectedRevision: 1n }),
    ).resolves.toMatchObject({ nextRevision: 2n });
  });

  it('never reuses a global position, even after the last event is removed', async () => {
    const file = join(newTempDir(), 'positions.db');
    const first = createSqliteEventStore({ path: file });
    const { position } = await first.appendToStream('s', [event(), event()]);
    await first.close();

    const raw = new Database(file);
    raw.prepare(`DELETE FROM ${EVENTS_TABLE} WHERE global_position = ?`).run(position);
    raw.close();

    const second = openStore({ path: file });
    const next = await second.appendToStream('other', [event()]);
    expect(next.position).toBeGreaterThan(position);
  });

  it('stamps recordedAt from the metadata, else from the clock', async () => {
    const store = openStore({ path: ':memory:' });
    const stamped = '2026-01-15T10:00:00.000Z';
    const before = Date.now();
    await store.appendToStream('s', [event({ recordedAt: stamped }), event()]);
    const [first, second] = await store.readStream('s');
    expect(first.recordedAt).toEqual(new Date(stamped));
    expect(first.metadata).toEqual({ recordedAt: stamped });
    expect(second.recordedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(second.recordedAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('rejects ids already stored in another stream, and ids repeated within a batch', async () => {
    const store = openStore({ path: ':memory:' });
    const shared = event();
    await store.appendToStream('a', [shared]);
    await expect(store.appendToStream('b', [shared])).rejects.toBeInstanceOf(
      PartialDuplicateAppendError,
    );
    const twice = event();
    await expect(store.appendToStream('c', [twice, twice])).rejects.toBeInstanceOf(
      PartialDuplicateAppendError,
    );
    expect(await store.readStream('b')).toEqual([]);
    expect(await store.readStream('c')).toEqual([]);
  });

  it('wakes a caught-up subscriber on an append by the same instance, without polling', async () => {
    const store = openStore({ path: ':memory:', pollIntervalMs: 60_000 });
    const controller = new AbortController();
    const iterator = store.subscribeToAll({ signal: controller.signal })[Symbol.asyncIterator]();
    try {
      const pending = take(iterator, 1, 2000);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const started = Date.now();
      await store.appendToStream('s', [event()]);
      await pending;
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      controller.abort();
    }
  });

  it('lets timers and I/O run while a subscriber catches up on a long backlog', async () => {
    const store = openStore({ path: ':memory:' });
    const backlog = 5 * SUBSCRIPTION_PAGE_SIZE;
    await store.appendToStream(
      's',
      Array.from({ length: backlog }, () => event()),
    );
    const controller = new AbortController();
    let delivered = 0;
    let deliveredWhenTimerRan: number | undefined;
    setTimeout(() => {
      deliveredWhenTimerRan = delivered;
    }, 0);
    try {
      for await (const _ of store.subscribeToAll({ signal: controller.signal })) {
        delivered += 1;
        if (delivered === backlog) break;
      }
    } finally {
      controller.abort();
    }
    expect(deliveredWhenTimerRan).toBeDefined();
    expect(deliveredWhenTimerRan).toBeLessThan(backlog);
  });

  it('a second instance on the same file sees the first one’s appends by polling', async () => {
    const file = join(newTempDir(), 'two-instances.db');
    const writer = openStore({ path: file });
    const reader = openStore({ path: file, pollIntervalMs: 50 });
    await writer.appendToStream('s', [event()]);
    const controller = new AbortController();
    const iterator = reader.subscribeToAll({ signal: controller.signal })[Symbol.asyncIterator]();
    try {
      expect((await take(iterator, 1, 2000)).map((e) => e.revision)).toEqual([0n]);
      const pending = take(iterator, 3, 5000);
      for (let i = 0; i < 3; i += 1) await writer.appendToStream('s', [event()]);
      const live = await pending;
      expect(live.map((e) => e.revision)).toEqual([1n, 2n, 3n]);
      expect(live.map((e) => e.position)).toEqual(
        (await writer.readStream('s', { fromRevision: 1n })).map((e) => e.position),
      );
    } finally {
      controller.abort();
    }
  });

  it('two instances on one file serialize their appends: exactly one wins', async () => {
    const file = join(newTempDir(), 'race.db');
    const a = openStore({ path: file });
    const b = openStore({ path: file });
    await a.appendToStream('s', [event()]);
    const attempts = await Promise.allSettled(
      [a, b, a, b].map((store) => store.appendToStream('s', [event()], { expectedRevision: 0n })),
    );
    expect(attempts.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await b.readStream('s')).toHaveLength(2);
  });

  it('ends subscriptions when the store closes', async () => {
    const store = createSqliteEventStore({ path: ':memory:' });
    await store.appendToStream('s', [event()]);
    const iterator = store.subscribeToAll()[Symbol.asyncIterator]();
    await take(iterator, 1, 2000);
    const waiting = iterator.next();
    await store.close();
    await expect(waiting).resolves.toEqual({ done: true, value: undefined });
    await expect(store.close()).resolves.toBeUndefined();
  });
});
