import {
  createEventSchemaRegistry,
  createEventSerializer,
  createSqliteEventStore,
  EventStore,
  StoredEvent,
} from '@crm/event-store';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { concatMap, delay, EMPTY, Observable, tap } from 'rxjs';
import { loadCheckpoint } from './process-checkpoints';
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
    expect(await loadCheckpoint(store, definition.name)).toBe(last.position);
    await runner.waitUntilCaughtUp();
    await runner.stop();
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
