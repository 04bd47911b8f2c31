import {
  createEventSchemaRegistry,
  createEventSerializer,
  createSqliteEventStore,
  EventStore,
} from '@crm/event-store';
import { createEmbeddedDocumentStore, Document, DocumentStore } from '@crm/read-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentIdFor, ProjectedEvent, Projection } from '../projection';
import { eventually } from '../worker/testing/eventually';
import { ProjectionRunner, RunnerHealth } from './projection-runner';

type CountDocument = Document & { count: number; notes: string[] };

/** Not idempotent: a lost or doubled effect shows in `count` and `notes`. */
const counting: Projection = {
  name: 'counts',
  version: 1,
  indexes: [{ fields: ['tenantId'] }],
  handles: new Set(['Noted']),
  documentIds: (event: ProjectedEvent) => [
    documentIdFor(event.metadata.tenantId, event.streamName),
  ],
  evolve: (current: Document | undefined, event: ProjectedEvent) => {
    const previous = current as CountDocument | undefined;
    return {
      _id: '',
      tenantId: event.metadata.tenantId,
      count: (previous?.count ?? 0) + 1,
      notes: [...(previous?.notes ?? []), (event.data as { note: string }).note],
    };
  },
};

const serializer = createEventSerializer(createEventSchemaRegistry());

/** A document store whose writes (or reads too) fail with `error` while `failing` is set. */
const faultyStore = (inner: DocumentStore) => {
  const state = { failing: undefined as Error | undefined, failedCalls: 0 };
  const check = (): void => {
    if (state.failing) {
      state.failedCalls += 1;
      throw state.failing;
    }
  };
  const store: DocumentStore = {
    ...inner,
    collection: <T extends Document>(name: string) => {
      const collection = inner.collection<T>(name);
      return {
        ...collection,
        getMany: async (ids: readonly string[]) => {
          check();
          return collection.getMany(ids);
        },
      };
    },
    commit: async (batch) => {
      check();
      await inner.commit(batch);
    },
    checkpoint: async (name) => {
      check();
      return inner.checkpoint(name);
    },
  };
  return { store, state };
};

describe('ProjectionRunner after store failures', () => {
  let dir: string;
  let events: EventStore;
  let documents: DocumentStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-healing-'));
    events = createSqliteEventStore({ path: join(dir, 'events.sqlite') });
    documents = createEmbeddedDocumentStore({ path: join(dir, 'read.sqlite') });
  });
  afterEach(async () => {
    await events.close();
    await documents.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const note = (stream: string, text: string) =>
    events.appendToStream(stream, [
      {
        id: randomUUID(),
        type: 'Noted.v1',
        data: { note: text },
        metadata: { tenantId: 'acme', recordedAt: '2026-01-01T00:00:00.000Z' },
      },
    ]);

  it('stalls while the store fails, says so, and resumes from its checkpoint when it recovers', async () => {
    const { store, state } = faultyStore(documents);
    const health: RunnerHealth[] = [];
    const runner = new ProjectionRunner(events, store, serializer, [counting], {
      retry: { initialDelayMs: 5, maxDelayMs: 40 },
      onHealth: (h) => health.push(h),
    });
    await note('a', 'one');
    await runner.start();
    const first = await note('b', 'two');
    expect(await runner.waitForPosition(first.position, 5000)).toBe(true);

    state.failing = new Error('SQLITE_FULL: database or disk is full');
    await note('a', 'three');
    await note('b', 'four');
    const last = await note('a', 'five');
    await eventually('the runner is stalled', () => runner.health().status === 'stalled');
    expect(runner.health()).toMatchObject({
      status: 'stalled',
      projections: ['counts'],
      error: 'Error: SQLITE_FULL: database or disk is full',
    });
    // A bounded wait answers at once while stalled; the runner keeps retrying meanwhile.
    const started = Date.now();
    expect(await runner.waitForPosition(last.position, 10_000)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
    await eventually('it retried several times', () => state.failedCalls > 3);

    state.failing = undefined;
    await eventually('it caught up by itself', () => runner.position() >= last.position);
    expect(await runner.waitForPosition(last.position, 0)).toBe(true);
    expect(runner.health()).toEqual({ status: 'running' });
    expect(health.at(-1)).toEqual({ status: 'running' });
    await runner.stop();

    const counts = documents.collection<CountDocument>('counts@v1.1');
    expect(await counts.get(documentIdFor('acme', 'a'))).toMatchObject({
      count: 3,
      notes: ['one', 'three', 'five'],
    });
    expect(await counts.get(documentIdFor('acme', 'b'))).toMatchObject({
      count: 2,
      notes: ['two', 'four'],
    });
    expect(await documents.checkpoint('counts@v1.1')).toBe(last.position);
  });

  it('recovers by itself from a locked database, applying what was appended meanwhile', async () => {
    const { store, state } = faultyStore(documents);
    const runner = new ProjectionRunner(events, store, serializer, [counting], {
      retry: { initialDelayMs: 5, maxDelayMs: 20 },
    });
    await runner.start();
    state.failing = new Error('database is locked');
    const appended = await note('a', 'one');
    await eventually('the runner is stalled', () => runner.health().status === 'stalled');
    state.failing = undefined;
    await eventually('it caught up by itself', () => runner.position() >= appended.position);
    await eventually('the runner recovered', () => runner.health().status === 'running');
    await runner.stop();
    expect(runner.health()).toEqual({ status: 'stopped' });
    expect(
      await documents.collection<CountDocument>('counts@v1.1').get(documentIdFor('acme', 'a')),
    ).toMatchObject({ count: 1 });
  });

  it('recovers once a failing event store answers again', async () => {
    let down = false;
    const flaky: EventStore = {
      ...events,
      subscribeToAll: (options) => {
        if (down) throw new Error('event store unreachable');
        const inner = events.subscribeToAll(options);
        return {
          async *[Symbol.asyncIterator]() {
            for await (const recorded of inner) {
              if (down) throw new Error('event store unreachable');
              yield recorded;
            }
          },
        };
      },
      headPosition: async () => {
        if (down) throw new Error('event store unreachable');
        return events.headPosition();
      },
    };
    const appended = await note('a', 'one');
    const runner = new ProjectionRunner(flaky, documents, serializer, [counting], {
      retry: { initialDelayMs: 5, maxDelayMs: 20 },
      batchSize: 1,
    });
    await runner.start();
    expect(await runner.waitForPosition(appended.position, 5000)).toBe(true);
    down = true;
    await note('a', 'two');
    await eventually('the runner is stalled', () => runner.health().status === 'stalled');
    expect(runner.health()).toMatchObject({ error: 'Error: event store unreachable' });
    down = false;
    await eventually('the runner recovered', () => runner.health().status === 'running');
    await runner.stop();
    expect(
      await documents.collection<CountDocument>('counts@v1.1').get(documentIdFor('acme', 'a')),
    ).toMatchObject({ count: 2, notes: ['one', 'two'] });
  });
});
