import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppendResult, EventToAppend, RecordedEvent } from '../event-store';
import { PartialDuplicateAppendError, WrongExpectedRevisionError } from '../errors';
import { AppendNotifier } from './append-notifier';
import { EVENTS_TABLE } from './sqlite-schema';
import {
  createSqliteEventStore,
  SqliteEventStore,
  SqliteEventStoreOptions,
} from './sqlite-event-store';

const event = (): EventToAppend => ({
  id: randomUUID(),
  type: 'GroupCommitTested.v1',
  data: { at: Date.now() },
  metadata: {},
});
const stream = (label: string): string => `${label}-${randomUUID().slice(0, 8)}`;
const ids = (events: Array<{ id: string }>): string[] => events.map((e) => e.id);

describe('SQLite event store: group commit', () => {
  let dir: string;
  const open: SqliteEventStore[] = [];
  const openStore = (options: Partial<SqliteEventStoreOptions> = {}): SqliteEventStore => {
    const store = createSqliteEventStore({ path: join(dir, 'events.db'), ...options });
    open.push(store);
    return store;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-group-commit-'));
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lands 200 concurrent appends to 200 streams in fewer transactions, each with its own result', async () => {
    const store = openStore();
    const streams = Array.from({ length: 200 }, (_, i) => stream(`many-${i}`));
    const results = await Promise.all(
      streams.map((name) =>
        store.appendToStream(name, [event()], { expectedRevision: 'no_stream' }),
      ),
    );
    expect(store.stats()).toEqual({ commits: 1, appends: 200 });
    for (const [index, name] of streams.entries()) {
      const [stored] = await store.readStream(name);
      expect(results[index]).toEqual({ nextRevision: 0n, position: stored.position });
    }
    expect(new Set(results.map((r) => r.position)).size).toBe(200);
  });

  it('without group commit, the same appends take one transaction each', async () => {
    const store = openStore({ groupCommit: false });
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => store.appendToStream(stream(`one-${i}`), [event()])),
    );
    expect(store.stats()).toEqual({ commits: 200, appends: 200 });
  });

  it('a failing append fails alone; the rest of its group commits', async () => {
    const store = openStore();
    const seeded = stream('seeded');
    const stored = event();
    await store.appendToStream(seeded, [stored]);
    const before = store.stats().commits;
    const [first, absent, partial, wrong, last] = await Promise.allSettled([
      store.appendToStream(stream('first'), [event()]),
      store.appendToStream(stream('absent'), [event()], { expectedRevision: 0n }),
      store.appendToStream(seeded, [stored, event()]),
      store.appendToStream(seeded, [event()], { expectedRevision: 5n }),
      store.appendToStream(seeded, [event()], { expectedRevision: 0n }),
    ]);
    expect(store.stats().commits).toBe(before + 1);
    expect(first).toMatchObject({ status: 'fulfilled', value: { nextRevision: 0n } });
    expect(last).toMatchObject({ status: 'fulfilled', value: { nextRevision: 1n } });
    expectWrongRevision(absent, 0n, 'no_stream');
    expect(partial).toMatchObject({ status: 'rejected' });
    expect((partial as PromiseRejectedResult).reason).toBeInstanceOf(PartialDuplicateAppendError);
    expectWrongRevision(wrong, 5n, 0n);
    expect((await store.readStream(seeded)).map((e) => e.revision)).toEqual([0n, 1n]);
  });

  it("appends to one stream in one group see each other: 'no_stream' then 0n both land", async () => {
    const store = openStore();
    const name = stream('ordered');
    const [a, b] = [[event()], [event()]];
    const results = await Promise.all([
      store.appendToStream(name, a, { expectedRevision: 'no_stream' }),
      store.appendToStream(name, b, { expectedRevision: 0n }),
    ]);
    expect(store.stats().commits).toBe(1);
    const read = await store.readStream(name);
    expect(ids(read)).toEqual(ids([...a, ...b]));
    expect(results).toEqual(read.map((e) => ({ nextRevision: e.revision, position: e.position })));
  });

  it("of two 'no_stream' appends in one group, the second fails with actual 0n", async () => {
    const store = openStore();
    const name = stream('twice');
    const winner = [event()];
    const [first, second] = await Promise.allSettled([
      store.appendToStream(name, winner, { expectedRevision: 'no_stream' }),
      store.appendToStream(name, [event(), event()], { expectedRevision: 'no_stream' }),
    ]);
    expect(store.stats().commits).toBe(1);
    expect(first).toMatchObject({ status: 'fulfilled', value: { nextRevision: 0n } });
    expectWrongRevision(second, 'no_stream', 0n);
    expect(ids(await store.readStream(name))).toEqual(ids(winner));
  });

  it("a repeat within the group answers with the first one's result", async () => {
    const store = openStore();
    const name = stream('repeat');
    const events = [event(), event()];
    const [first, repeat] = await Promise.all([
      store.appendToStream(name, events, { expectedRevision: 'no_stream' }),
      store.appendToStream(name, events, { expectedRevision: 'no_stream' }),
    ]);
    expect(repeat).toEqual(first);
    expect(await store.readStream(name)).toHaveLength(2);
  });

  it('resolves only once committed: another connection already sees each event', async () => {
    const store = openStore();
    const raw = new Database(join(dir, 'events.db'), { readonly: true });
    const count = raw.prepare<[string], { n: number }>(
      `SELECT COUNT(*) AS n FROM ${EVENTS_TABLE} WHERE event_id = ?`,
    );
    try {
      const seenOnResolve = await Promise.all(
        Array.from({ length: 64 }, (_, i) => {
          const appended = event();
          return store
            .appendToStream(stream(`durable-${i}`), [appended])
            .then(() => count.get(appended.id)?.n);
        }),
      );
      expect(seenOnResolve).toEqual(seenOnResolve.map(() => 1));
    } finally {
      raw.close();
    }
  });

  it('keeps what it acknowledged: a new instance on the file reads it', async () => {
    const writer = createSqliteEventStore({ path: join(dir, 'events.db') });
    const names = Array.from({ length: 64 }, (_, i) => stream(`reopen-${i}`));
    const written = names.map(() => [event(), event()]);
    await Promise.all(names.map((name, i) => writer.appendToStream(name, written[i])));
    await writer.close();
    const reader = openStore();
    for (const [i, name] of names.entries()) {
      expect(ids(await reader.readStream(name))).toEqual(ids(written[i]));
    }
  });

  it('runs the appends still waiting when the store closes', async () => {
    const writer = createSqliteEventStore({ path: join(dir, 'events.db') });
    const name = stream('closing');
    const pending = writer.appendToStream(name, [event()]);
    await writer.close();
    await expect(pending).resolves.toMatchObject({ nextRevision: 0n });
    expect(await openStore().readStream(name)).toHaveLength(1);
    await expect(writer.appendToStream(name, [event()])).rejects.toThrow(/not open/);
  });

  it('stores the events as they were when the append was called', async () => {
    const store = openStore();
    const name = stream('snapshot');
    const appended = event();
    const batch = [appended];
    const pending = store.appendToStream(name, batch);
    appended.data = { changed: true };
    batch.push(event());
    await pending;
    const read: RecordedEvent[] = await store.readStream(name);
    expect(read).toHaveLength(1);
    expect(read[0].data).not.toEqual({ changed: true });
  });

  it('wakes subscribers once per group, without polling', async () => {
    const store = openStore({ pollIntervalMs: 60_000 });
    const controller = new AbortController();
    const iterator = store.subscribeToAll({ signal: controller.signal })[Symbol.asyncIterator]();
    try {
      const first = iterator.next();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const notify = jest.spyOn(AppendNotifier.prototype, 'notify');
      const results: AppendResult[] = await Promise.all(
        Array.from({ length: 10 }, (_, i) => store.appendToStream(stream(`wake-${i}`), [event()])),
      );
      expect(notify).toHaveBeenCalledTimes(1);
      const delivered = [(await first).value as RecordedEvent];
      for (let i = 1; i < 10; i += 1)
        delivered.push((await iterator.next()).value as RecordedEvent);
      expect(delivered.map((e) => e.position)).toEqual(results.map((r) => r.position));
    } finally {
      controller.abort();
    }
  });
});

const expectWrongRevision = (
  settled: PromiseSettledResult<unknown>,
  expected: WrongExpectedRevisionError['expected'],
  actual: WrongExpectedRevisionError['actual'],
): void => {
  expect(settled.status).toBe('rejected');
  const reason: unknown = (settled as PromiseRejectedResult).reason;
  expect(reason).toBeInstanceOf(WrongExpectedRevisionError);
  expect(reason).toMatchObject({ expected, actual });
};
