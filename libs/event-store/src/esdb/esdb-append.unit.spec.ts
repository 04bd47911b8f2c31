import { randomUUID } from 'node:crypto';
import { EventToAppend } from '../event-store';
import {
  EventNotAppendableError,
  PartialDuplicateAppendError,
  WrongExpectedRevisionError,
} from '../errors';
import { clientDouble } from './client-double';
import { createEsdbAppend, IDEMPOTENCY_WINDOW } from './esdb-append';
import { createEsdbReads } from './esdb-reads';
import { createEsdbEventStore } from './esdb-event-store';

const event = (
  id: string = randomUUID(),
  data: Record<string, unknown> = { n: 1 },
): EventToAppend => ({
  id,
  type: 'Checkpointed.v1',
  data: data as EventToAppend['data'],
  metadata: {},
});

const setUp = () => {
  const double = clientDouble();
  const append = createEsdbAppend(double.client, createEsdbReads(double.client));
  return { double, append };
};

describe('EventStoreDB append (adapter logic, client double)', () => {
  it('reads a bounded window per append: a long stream costs the same as a short one', async () => {
    const { double, append } = setUp();
    for (let i = 0; i < 3 * IDEMPOTENCY_WINDOW; i += 1) {
      await append('checkpoints', [event()], 'any');
    }
    const before = double.eventsRead();
    await append('checkpoints', [event()], 'any');
    expect(double.eventsRead() - before).toBeLessThanOrEqual(IDEMPOTENCY_WINDOW);
  });

  it('answers a clean repeat within the window with the stored result and writes nothing', async () => {
    const { double, append } = setUp();
    const batch = [event(), event()];
    const first = await append('s', batch, 'no_stream');
    await append('s', [event()], 'any');
    const appends = double.appends.length;
    expect(await append('s', batch, 0n)).toEqual(first);
    expect(double.appends).toHaveLength(appends);
    await expect(append('s', [batch[0], event()], 'any')).rejects.toBeInstanceOf(
      PartialDuplicateAppendError,
    );
  });

  it('refuses data JSON cannot represent and ids that are not UUIDs, before the client is called', async () => {
    const { double, append } = setUp();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const bad of [
      event(randomUUID(), { amount: 10n }),
      event(randomUUID(), cyclic),
      event('order-42'),
    ]) {
      await expect(append('s', [bad], 'any')).rejects.toBeInstanceOf(EventNotAppendableError);
    }
    await expect(append('s', [event('order-42')], 'any')).rejects.toThrow(/not a UUID/);
    await expect(append('s', [event(randomUUID(), { amount: 10n })], 'any')).rejects.toThrow(
      /data is not JSON/,
    );
    expect(double.appends).toEqual([]);
  });

  it("reports the stream's actual revision when the client answers a conflict without throwing", async () => {
    const { double, append } = setUp();
    for (let i = 0; i < 6; i += 1) await append('s', [event()], 'any');
    double.answerAppend = async () => ({
      success: false,
      nextExpectedRevision: 1n, // what client 6.2.1's batch append says for every stream
      position: undefined,
    });
    const refused = append('s', [event()], 2n);
    await expect(refused).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await expect(refused).rejects.toMatchObject({ expected: 2n, actual: 5n });
  });

  it('keeps a bookkeeping stream bounded: $maxCount set once per stream', async () => {
    const { double, append } = setUp();
    await append('crmprocess-checkpoint.p', [event()], 'any', 10);
    await append('crmprocess-checkpoint.p', [event()], 'any', 10);
    await append('other', [event()], 'any');
    expect(double.metadata).toEqual([{ streamName: 'crmprocess-checkpoint.p', maxCount: 10 }]);
  });
});

describe('EventStoreDB store close (client double)', () => {
  it('waits for an append in flight before disposing the client, and refuses calls after', async () => {
    const double = clientDouble();
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    double.answerAppend = async () => {
      await gate;
      return { success: true, nextExpectedRevision: 0n, position: { commit: 7n, prepare: 7n } };
    };
    const store = createEsdbEventStore({ client: double.client });
    const appending = store.appendToStream('s', [event()]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    let closed = false;
    const closing = store.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closed).toBe(false);
    release();
    await expect(appending).resolves.toEqual({ nextRevision: 0n, position: 7n });
    await closing;
    await expect(store.readStream('s')).rejects.toThrow(/closed/);
  });
});
