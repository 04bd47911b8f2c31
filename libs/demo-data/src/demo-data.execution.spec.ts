import {
  CommandContext,
  CommandExecutor,
  conversionCommands,
  ExecuteDomainCommand,
  parseStreamName,
} from '@crm/application';
import { eventUpcasters } from '@crm/application/event-upcasters';
import { ExecuteDomainCommandHandler } from '@crm/application/nest/execute-domain-command.handler';
import { openDealsByLogScan } from '@crm/application/preparation/open-deals-by-log-scan';
import { aggregateDeciders, LeadConverted } from '@crm/domain';
import {
  createEventSchemaRegistry,
  createEventSerializer,
  createSqliteEventStore,
  EventStore,
  StoredEvent,
} from '@crm/event-store';
import fc from 'fast-check';
import { generateDemoData } from './demo-data';
import { DemoDataOptions } from './demo-options';
import { DemoItem } from './demo-item';

type Refusal = { index: number; item: DemoItem; error: string };

const contextFor = (item: DemoItem, index: number): CommandContext => ({
  tenantId: 'demo',
  actorId: item.actorId,
  principal: { kind: 'user', subject: item.actorId },
  commandId: `demo-${index}`,
  correlationId: `demo-${index}`,
  causationId: `demo-${index}`,
});

/**
 * The real command path without Nest: preparers, then the CommandExecutor and the deciders, on
 * an in-memory SQLite store whose clock is each item's time. Lead conversions are then finished
 * the way the process manager does it.
 */
const execute = async (items: DemoItem[]) => {
  const store: EventStore = createSqliteEventStore({ path: ':memory:' });
  const serializer = createEventSerializer(createEventSchemaRegistry(eventUpcasters));
  let now = new Date(0);
  const executor = new CommandExecutor(store, serializer, { clock: () => now });
  const handler = new ExecuteDomainCommandHandler(
    store,
    executor,
    openDealsByLogScan(store, serializer),
  );
  const refusals: Refusal[] = [];
  let appended = 0;
  for (const [index, item] of items.entries()) {
    now = item.at;
    const message = new ExecuteDomainCommand(
      item.kind,
      item.recordId,
      item.command,
      contextFor(item, index),
    );
    try {
      appended += (await handler.execute(message)).appended;
    } catch (error) {
      refusals.push({ index, item, error: String(error) });
    }
  }
  const log = await store.readAll({ maxCount: 1_000_000 });
  const conversions = log
    .filter((recorded) => recorded.type.startsWith('LeadConverted.'))
    .map(
      (recorded) => serializer.deserialize<LeadConverted>(recorded) as StoredEvent<LeadConverted>,
    );
  const conversionRefusals: string[] = [];
  for (const conversion of conversions) {
    for (const request of conversionCommands(conversion)) {
      const { kind, recordId, intent, context } = request;
      await handler
        .execute(new ExecuteDomainCommand(kind, recordId, intent, context))
        .catch((error: unknown) => conversionRefusals.push(`${intent.type}: ${String(error)}`));
    }
  }
  const recordedAt = log.map((recorded) => recorded.recordedAt.getTime());
  const kinds = new Set(log.map((recorded) => parseStreamName(recorded.streamName)?.kind));
  await store.close();
  return { refusals, conversionRefusals, appended, log, recordedAt, kinds, conversions };
};

describe('demo data through the real command path', () => {
  it('has every command of the default history accepted, in order', async () => {
    const items = generateDemoData();
    const result = await execute(items);

    expect(result.refusals).toEqual([]);
    expect(result.conversionRefusals).toEqual([]);
    expect(result.conversions.length).toBeGreaterThan(0);
    // Every command changes something: no no-ops hidden among the items.
    expect(result.appended).toBe(items.length);
    expect(result.log).toHaveLength(items.length);
    expect(result.kinds.size).toBe(Object.keys(aggregateDeciders).length);
    const sorted = [...result.recordedAt].sort((a, b) => a - b);
    expect(result.recordedAt).toEqual(sorted);
  }, 120_000);

  it.each<Partial<DemoDataOptions> & { seed: number }>([
    { seed: 1, accounts: 5, contactsPerAccount: 2, leads: 40, tickets: 12, days: 30 },
    { seed: 2, accounts: 3, contactsPerAccount: 1, dealsPerAccount: 4, days: 7, tasks: 30 },
    { seed: 3, accounts: 12, contactsPerAccount: 0, tickets: 0, leads: 60, campaigns: 3 },
    { seed: 4, accounts: 0, contactsPerAccount: 3, tickets: 0, leads: 20, campaigns: 2, days: 2 },
    { seed: 5, accounts: 8, interactionsPerContact: 1, campaigns: 9, tickets: 30, days: 400 },
  ])(
    'has every command accepted for seed $seed with other sizes',
    async (options) => {
      const result = await execute(generateDemoData(options));
      expect(result.refusals).toEqual([]);
      expect(result.conversionRefusals).toEqual([]);
    },
    60_000,
  );

  it('has every command accepted for random seeds, sizes and periods', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer(),
          accounts: fc.integer({ min: 1, max: 6 }),
          contactsPerAccount: fc.integer({ min: 1, max: 4 }),
          leads: fc.integer({ min: 0, max: 30 }),
          dealsPerAccount: fc.integer({ min: 0, max: 3 }),
          interactionsPerContact: fc.integer({ min: 0, max: 3 }),
          tickets: fc.integer({ min: 0, max: 10 }),
          campaigns: fc.integer({ min: 0, max: 3 }),
          tasks: fc.integer({ min: 0, max: 10 }),
          days: fc.integer({ min: 1, max: 800 }),
        }),
        async (options) => {
          const result = await execute(generateDemoData(options));
          expect(result.refusals).toEqual([]);
          expect(result.conversionRefusals).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
