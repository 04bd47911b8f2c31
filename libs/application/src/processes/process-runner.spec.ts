import {
  createEventSchemaRegistry,
  createEventSerializer,
  createSqliteEventStore,
  EventStore,
  StoredEvent,
} from '@crm/event-store';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { concatMap, delay, EMPTY, Observable, of, tap } from 'rxjs';
import { IDLE_SAVE_MS } from './checkpoint-saver';
import { checkpointStream, loadCheckpoint } from './process-checkpoints';
import { CommandRequest } from './command-request';
import { ProcessDefinition } from './process-definition';
import { ProcessRunner } from './process-runner';

const serializer = createEventSerializer(createEventSchemaRegistry());
/** The sagas below ask for no commands, so the bus is never used. */
const unusedBus = {} as unknown as CommandBus;

describe('ProcessRunner.waitUntilCaughtUp', () => {
  let store: EventStore;
  let seen: string[];

  /** Reacts to `Pinged` events slowly and asks for nothing. */
  const slowProcess = (ms: number): ProcessDefinition => ({
    name: `pinger-${randomUUID()}`,
    handles: (type) => type === 'Pinged',
    saga: (events$: Observable<StoredEvent>) =>
      events$.pipe(
        delay(ms),
        tap((event) => seen.push(event.id)),
        concatMap(() => EMPTY),
      ),
  });

  const append = async (type: string) => {
    const id = randomUUID();
    const metadata = { tenantId: 'acme', recordedAt: new Date().toISOString() };
    const { position } = await store.appendToStream(`lead-acme.${id}`, [
      { id, type: `${type}.v1`, data: {}, metadata },
    ]);
    return { id, position };
  };

  beforeEach(() => {
    store = createSqliteEventStore({ path: ':memory:', pollIntervalMs: 10 });
    seen = [];
  });
  afterEach(() => store.close());

  it('resolves once every event in the log when called has been handled', async () => {
    const first = await append('Pinged');
    await append('Other');
    const last = await append('Pinged');
    const definition = slowProcess(20);
    const runner = new ProcessRunner(definition, store, serializer, unusedBus);
    runner.start();

    await runner.waitUntilCaughtUp();

    expect(seen).toEqual([first.id, last.id]);
    await runner.waitUntilCaughtUp();
    await runner.stop();
    expect(await loadCheckpoint(store, definition.name)).toBe(last.position);
  });

  it('refuses to wait for a runner that was never started', async () => {
    const runner = new ProcessRunner(slowProcess(0), store, serializer, unusedBus);
    await expect(runner.waitUntilCaughtUp()).rejects.toThrow(/is not running/);
  });

  it('rejects a wait when the runner is stopped before it catches up', async () => {
    await append('Pinged');
    await append('Pinged');
    const runner = new ProcessRunner(slowProcess(50), store, serializer, unusedBus);
    runner.start();
    const waiting = runner.waitUntilCaughtUp();
    await runner.stop();
    await expect(waiting).rejects.toThrow(/was stopped/);
  });
});

describe('ProcessRunner checkpoints', () => {
  let store: EventStore;
  beforeEach(() => {
    store = createSqliteEventStore({ path: ':memory:', pollIntervalMs: 10 });
  });
  afterEach(() => store.close());

  const pings = (count: number) =>
    store.appendToStream(
      `lead-acme.${randomUUID()}`,
      Array.from({ length: count }, () => ({
        id: randomUUID(),
        type: 'Pinged.v1',
        data: {},
        metadata: { tenantId: 'acme', recordedAt: new Date().toISOString() },
      })),
    );
  const checkpointsSaved = async (name: string) =>
    (await store.readStream(checkpointStream(name))).length;

  /** Asks for one command per `Pinged` event when `acts`, else for nothing. */
  const pinger = (acts: boolean): ProcessDefinition => ({
    name: `pinger-${randomUUID()}`,
    handles: (type) => type === 'Pinged',
    saga: (events$: Observable<StoredEvent>) =>
      events$.pipe(
        concatMap((event) =>
          acts
            ? of({
                kind: 'lead' as const,
                recordId: event.streamName,
                intent: { type: 'AdjustLeadScore', data: { delta: 1 } },
                context: {},
              } as unknown as CommandRequest)
            : EMPTY,
        ),
      ),
  });
  const countingBus = () => {
    const executed: unknown[] = [];
    return {
      executed,
      bus: { execute: async (c: unknown) => executed.push(c) } as unknown as CommandBus,
    };
  };

  it('saves events it only looked at in bulk, and what it handled once it goes quiet', async () => {
    const { position: last } = await pings(600);
    const definition = pinger(false);
    const runner = new ProcessRunner(definition, store, serializer, unusedBus);
    runner.start();
    await runner.waitUntilCaughtUp();
    for (let i = 0; i < 100 && (await loadCheckpoint(store, definition.name)) !== last; i++) {
      await new Promise((resolve) => setTimeout(resolve, IDLE_SAVE_MS));
    }
    expect(await loadCheckpoint(store, definition.name)).toBe(last);
    // 600 events, one append each before: now a few bulk saves and the one once quiet.
    expect(await checkpointsSaved(definition.name)).toBeLessThan(10);
    await runner.stop();
  });

  it('saves its checkpoint right after every event it acted on', async () => {
    const { position: last } = await pings(5);
    const definition = pinger(true);
    const { executed, bus } = countingBus();
    const runner = new ProcessRunner(definition, store, serializer, bus);
    runner.start();
    await runner.waitUntilCaughtUp();
    expect(executed).toHaveLength(5);
    expect(await checkpointsSaved(definition.name)).toBe(5);
    expect(await loadCheckpoint(store, definition.name)).toBe(last);
    await runner.stop();
  });
});
