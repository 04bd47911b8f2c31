import {
  CommandContext,
  CommandExecutor,
  conversionCommands,
  ExecuteDomainCommand,
} from '@crm/application';
import { eventUpcasters } from '@crm/application/event-upcasters';
import { ExecuteDomainCommandHandler } from '@crm/application/nest/execute-domain-command.handler';
import { openDealsByLogScan } from '@crm/application/preparation/open-deals-by-log-scan';
import { DemoDataOptions, generateDemoData } from '@crm/demo-data';
import { LeadConverted } from '@crm/domain';
import {
  createEventSchemaRegistry,
  createEventSerializer,
  createSqliteEventStore,
  EventSerializer,
  EventStore,
  StoredEvent,
} from '@crm/event-store';
import { allProjections, ProjectionRunner } from '@crm/projections';
import { createEmbeddedDocumentStore, DocumentStore } from '@crm/read-store';

/** A generated history of several tenants, projected with every projection keeping history. */
export type DemoHistory = {
  events: EventStore;
  serializer: EventSerializer;
  documents: DocumentStore;
  /** Every event's recorded-at time, in log order. */
  recordedAt: Date[];
  close: () => Promise<void>;
};

const contextFor = (tenantId: string, actorId: string, id: string): CommandContext => ({
  tenantId,
  actorId,
  principal: { kind: 'user', subject: actorId },
  commandId: id,
  correlationId: id,
  causationId: id,
});

/**
 * Runs the demo data of each tenant through the real command path on a clock set to each item's
 * time, finishes the lead conversions as the process manager does (at the last item's time, so
 * recorded-at times follow the log within each tenant), then projects it all.
 */
export const demoHistory = async (
  tenants: readonly (Partial<DemoDataOptions> & { tenantId: string })[],
  documents: DocumentStore = createEmbeddedDocumentStore({ path: ':memory:' }),
): Promise<DemoHistory> => {
  const events = createSqliteEventStore({ path: ':memory:' });
  const serializer = createEventSerializer(createEventSchemaRegistry(eventUpcasters));
  let now = new Date(0);
  const executor = new CommandExecutor(events, serializer, { clock: () => now });
  const handler = new ExecuteDomainCommandHandler(
    events,
    executor,
    openDealsByLogScan(events, serializer),
  );
  for (const options of tenants) {
    for (const [index, item] of generateDemoData(options).entries()) {
      now = item.at;
      const context = contextFor(options.tenantId, item.actorId, `${options.tenantId}-${index}`);
      await handler.execute(
        new ExecuteDomainCommand(item.kind, item.recordId, item.command, context),
      );
    }
  }
  const log = await events.readAll({ maxCount: 1_000_000 });
  for (const recorded of log.filter((r) => r.type.startsWith('LeadConverted.'))) {
    const conversion = serializer.deserialize<LeadConverted>(
      recorded,
    ) as StoredEvent<LeadConverted>;
    for (const { kind, recordId, intent, context } of conversionCommands(conversion)) {
      await handler.execute(new ExecuteDomainCommand(kind, recordId, intent, context));
    }
  }
  await new ProjectionRunner(events, documents, serializer, allProjections).runToHead();
  const recordedAt = (await events.readAll({ maxCount: 1_000_000 })).map((r) => r.recordedAt);
  return {
    events,
    serializer,
    documents,
    recordedAt,
    close: async () => {
      await events.close();
      await documents.close();
    },
  };
};
