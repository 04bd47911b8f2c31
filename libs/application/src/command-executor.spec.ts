import { leadDecider, LeadCommand, DomainError } from '@crm/domain';
import {
  createEventSchemaRegistry,
  createEventSerializer,
  createSqliteEventStore,
  eventHash,
  EventStore,
  GENESIS_HASH,
  StreamChainVerifier,
} from '@crm/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandContext } from './command-context';
import { IdempotencyConflictError, PreconditionFailedError } from './command-errors';
import { CommandExecutor, CommandWithoutMetadata } from './command-executor';
import { streamNameFor } from './stream-name';

const serializer = createEventSerializer(createEventSchemaRegistry());
const context = (extra: Partial<CommandContext> = {}): CommandContext => {
  const commandId = randomUUID();
  return {
    tenantId: 't1',
    actorId: 'a1',
    principal: { kind: 'user', subject: 'a1' },
    commandId,
    correlationId: commandId,
    causationId: commandId,
    ...extra,
  };
};
const capture = (leadId: string): CommandWithoutMetadata<LeadCommand> => ({
  type: 'CaptureLead',
  data: { leadId, source: 'web', contact: { firstName: 'A', lastName: 'B', email: 'a@b.c' } },
});
const adjust = (leadId: string, delta: number): CommandWithoutMetadata<LeadCommand> => ({
  type: 'AdjustLeadScore',
  data: { leadId, delta, reason: 'test' },
});

describe('CommandExecutor', () => {
  let store: EventStore;
  let executor: CommandExecutor;
  beforeEach(() => {
    store = createSqliteEventStore({ path: ':memory:' });
    executor = new CommandExecutor(store, serializer, {
      clock: () => new Date('2026-03-01T00:00:00Z'),
    });
  });
  afterEach(() => store.close());

  it('appends the decided events with the metadata of the command', async () => {
    const ctx = context({ correlationId: 'corr-1', causationId: 'cause-1' });
    const result = await executor.execute('lead', leadDecider, 'l1', capture('l1'), ctx);
    expect(result).toMatchObject({ recordId: 'l1', revision: 0n, appended: 1 });
    const [event] = await store.readStream(streamNameFor('lead', 't1', 'l1'));
    expect(event.metadata).toEqual({
      tenantId: 't1',
      actorId: 'a1',
      commandId: ctx.commandId,
      commandType: 'CaptureLead',
      $correlationId: 'corr-1',
      $causationId: 'cause-1',
      recordedAt: '2026-03-01T00:00:00.000Z',
      principal: { kind: 'user', subject: 'a1' },
      hash: eventHash(GENESIS_HASH, event),
    });
    expect(event.type).toBe('LeadCaptured.v1');
  });

  it("chains every event's hash to its stream's previous event, across commands", async () => {
    await executor.execute('lead', leadDecider, 'l1', capture('l1'), context());
    await executor.execute('lead', leadDecider, 'l1', adjust('l1', 5), context());
    await executor.execute('lead', leadDecider, 'l1', adjust('l1', 7), context());
    const events = await store.readStream(streamNameFor('lead', 't1', 'l1'));
    expect(events).toHaveLength(3);
    const verifier = new StreamChainVerifier(events[0].streamName);
    expect(events.map((event) => verifier.add(event).verified)).toEqual([true, true, true]);
    expect(events[1].metadata.hash).toBe(eventHash(events[0].metadata.hash as string, events[1]));
  });

  it('never records a time earlier than the stream last event, when the clock steps back', async () => {
    const times = [new Date('2026-03-01T10:00:00Z'), new Date('2026-03-01T09:00:00Z')];
    const stepping = new CommandExecutor(store, serializer, { clock: () => times.shift()! });
    await stepping.execute('lead', leadDecider, 'l1', capture('l1'), context());
    await stepping.execute('lead', leadDecider, 'l1', adjust('l1', 5), context());
    const events = await store.readStream(streamNameFor('lead', 't1', 'l1'));
    expect(events.map((e) => e.metadata.recordedAt)).toEqual([
      '2026-03-01T10:00:00.000Z',
      '2026-03-01T10:00:00.000Z',
    ]);
  });

  it('keeps tenants apart: the same record id in another tenant is another record', async () => {
    await executor.execute('lead', leadDecider, 'l1', capture('l1'), context());
    await expect(
      executor.execute('lead', leadDecider, 'l1', adjust('l1', 5), context({ tenantId: 't2' })),
    ).rejects.toMatchObject({ code: 'LEAD_NOT_FOUND' });
  });

  it('writes nothing and reports the current revision when the decider decides nothing', async () => {
    await executor.execute('lead', leadDecider, 'l1', capture('l1'), context());
    await executor.execute(
      'lead',
      leadDecider,
      'l1',
      { type: 'QualifyLead', data: { leadId: 'l1' } },
      context(),
    );
    const head = await store.headPosition();
    const result = await executor.execute(
      'lead',
      leadDecider,
      'l1',
      { type: 'QualifyLead', data: { leadId: 'l1' } },
      context(),
    );
    expect(result).toMatchObject({ revision: 1n, appended: 0, position: head });
    expect(await store.headPosition()).toBe(head);
  });

  it('refuses an If-Match revision the record has moved on from', async () => {
    await executor.execute('lead', leadDecider, 'l1', capture('l1'), context());
    await expect(
      executor.execute(
        'lead',
        leadDecider,
        'l1',
        adjust('l1', 1),
        context({ expectedRevision: 3n }),
      ),
    ).rejects.toBeInstanceOf(PreconditionFailedError);
    await expect(
      executor.execute(
        'lead',
        leadDecider,
        'l1',
        adjust('l1', 1),
        context({ expectedRevision: 0n }),
      ),
    ).resolves.toMatchObject({ revision: 1n });
  });

  it('returns the first result for a repeated idempotency key, even after later changes', async () => {
    await executor.execute('lead', leadDecider, 'l1', capture('l1'), context());
    const keyed = context({ idempotencyKey: 'k1', requestHash: 'h1' });
    const first = await executor.execute('lead', leadDecider, 'l1', adjust('l1', 5), keyed);
    await executor.execute('lead', leadDecider, 'l1', adjust('l1', 7), context());
    const repeat = await executor.execute('lead', leadDecider, 'l1', adjust('l1', 5), {
      ...keyed,
      commandId: 'x',
    });
    expect(repeat).toEqual({ ...first, appended: 0 });
    expect(await store.readStream(streamNameFor('lead', 't1', 'l1'))).toHaveLength(3);
  });

  it('refuses an idempotency key reused for another request or another record', async () => {
    await executor.execute(
      'lead',
      leadDecider,
      'l1',
      capture('l1'),
      context({ idempotencyKey: 'k1', requestHash: 'h1' }),
    );
    await expect(
      executor.execute(
        'lead',
        leadDecider,
        'l1',
        adjust('l1', 5),
        context({ idempotencyKey: 'k1', requestHash: 'h2' }),
      ),
    ).rejects.toBeInstanceOf(IdempotencyConflictError);
    await expect(
      executor.execute(
        'lead',
        leadDecider,
        'l2',
        capture('l2'),
        context({ idempotencyKey: 'k1', requestHash: 'h3' }),
      ),
    ).rejects.toBeInstanceOf(IdempotencyConflictError);
  });

  it('lets a domain error through and appends nothing', async () => {
    const head = await store.headPosition();
    await expect(
      executor.execute('lead', leadDecider, 'l9', adjust('l9', 5), context()),
    ).rejects.toBeInstanceOf(DomainError);
    expect(await store.headPosition()).toBe(head);
  });

  describe('with two processes writing to one SQLite file', () => {
    let dir: string;
    let stores: EventStore[];
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'crm-executor-'));
      stores = [0, 1].map(() => createSqliteEventStore({ path: join(dir, 'events.sqlite') }));
    });
    afterEach(async () => {
      await Promise.all(stores.map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
    });

    it('retries conflicts by deciding again: no lost update, contiguous revisions', async () => {
      const executors = stores.map((s) => new CommandExecutor(s, serializer, { maxAttempts: 50 }));
      await executors[0].execute('lead', leadDecider, 'l1', capture('l1'), context());
      const deltas = Array.from({ length: 50 }, (_, i) => i + 1);
      const results = await Promise.allSettled(
        deltas.map((delta) =>
          executors[delta % 2].execute('lead', leadDecider, 'l1', adjust('l1', delta), context()),
        ),
      );
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);

      const events = await stores[0].readStream(streamNameFor('lead', 't1', 'l1'));
      expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => BigInt(i)));
      expect(events).toHaveLength(51);
      expect(events[50].data.score).toBe(deltas.reduce((a, b) => a + b, 0));
    });
  });
});
