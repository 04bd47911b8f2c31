import { CommandExecutor, CommandResult, CommandWithoutMetadata } from '@crm/application';
import {
  AggregateKind,
  Command,
  CreateContact,
  DefinePipeline,
  deciderFor,
  MoneyInput,
  OpenDeal,
  PipelineStage,
  RegisterAccount,
} from '@crm/domain';
import {
  createEventSchemaRegistry,
  createEventSerializer,
  createSqliteEventStore,
  EventSerializer,
  EventStore,
} from '@crm/event-store';
import { allProjections, ProjectionRunner } from '@crm/projections';
import { createEmbeddedDocumentStore } from '@crm/read-store';
import { randomUUID } from 'node:crypto';
import { ReadModels } from '../read-models';

/**
 * Test support for the view specs: commands go through the real command path (deciders, event
 * store) on a clock the test sets, and the real projections fill an in-memory document store.
 */

export const TENANT = 'acme';
export const OTHER_TENANT = 'globex';

export const STAGES: PipelineStage[] = [
  { stageId: 'discovery', name: 'Discovery', probability: 0.1 },
  { stageId: 'proposal', name: 'Proposal', probability: 0.5 },
  { stageId: 'negotiation', name: 'Negotiation', probability: 0.8 },
];

export type ViewsWorld = {
  readModels: ReadModels;
  events: EventStore;
  serializer: EventSerializer;
  /** Sets the clock the next commands are decided and recorded at. */
  at: (time: string) => void;
  send: <C extends Command>(
    kind: AggregateKind,
    recordId: string,
    command: CommandWithoutMetadata<C>,
    tenantId?: string,
  ) => Promise<CommandResult>;
  /** Runs every projection up to the head of the log. */
  project: () => Promise<void>;
  close: () => Promise<void>;
};

export const createViewsWorld = (): ViewsWorld => {
  const events = createSqliteEventStore({ path: ':memory:' });
  const documents = createEmbeddedDocumentStore({ path: ':memory:' });
  const serializer = createEventSerializer(createEventSchemaRegistry());
  let now = new Date('2026-01-01T00:00:00.000Z');
  const executor = new CommandExecutor(events, serializer, { clock: () => now });
  const readModels = new ReadModels(documents);
  return {
    readModels,
    events,
    serializer,
    at: (time) => {
      now = new Date(time);
    },
    send: (kind, recordId, command, tenantId = TENANT) => {
      const commandId = randomUUID();
      return executor.execute(
        kind,
        deciderFor(kind),
        recordId,
        command as CommandWithoutMetadata<Command>,
        {
          tenantId,
          actorId: 'user-1',
          principal: { kind: 'user', subject: 'user-1' },
          commandId,
          correlationId: commandId,
          causationId: commandId,
        },
      );
    },
    project: async () => {
      await new ProjectionRunner(events, documents, serializer, allProjections).runToHead();
      readModels.refresh();
    },
    close: async () => {
      await events.close();
      await documents.close();
    },
  };
};

export const definePipeline = (
  world: ViewsWorld,
  pipelineId: string,
  tenantId = TENANT,
): Promise<CommandResult> =>
  world.send<DefinePipeline>(
    'pipeline',
    pipelineId,
    { type: 'DefinePipeline', data: { pipelineId, name: 'Sales', stages: STAGES } },
    tenantId,
  );

export const registerAccount = (
  world: ViewsWorld,
  accountId: string,
  data: Partial<RegisterAccount['data']> = {},
  tenantId = TENANT,
): Promise<CommandResult> =>
  world.send<RegisterAccount>(
    'account',
    accountId,
    { type: 'RegisterAccount', data: { name: 'Analytical Engines', ...data, accountId } },
    tenantId,
  );

export const createContact = (
  world: ViewsWorld,
  contactId: string,
  data: Partial<CreateContact['data']> = {},
  tenantId = TENANT,
): Promise<CommandResult> =>
  world.send<CreateContact>(
    'contact',
    contactId,
    {
      type: 'CreateContact',
      data: { firstName: 'Ada', lastName: 'Lovelace', emails: [], phones: [], ...data, contactId },
    },
    tenantId,
  );

export type DealSeed = Partial<Omit<OpenDeal['data'], 'pipelineStages' | 'amount'>> & {
  pipelineId: string;
  amount: MoneyInput;
};

export const openDeal = (
  world: ViewsWorld,
  dealId: string,
  data: DealSeed,
  tenantId = TENANT,
): Promise<CommandResult> =>
  world.send<OpenDeal>(
    'deal',
    dealId,
    {
      type: 'OpenDeal',
      data: {
        title: `Deal ${dealId}`,
        stageId: 'discovery',
        expectedCloseDate: '2026-03-31',
        ownerId: 'user-1',
        ...data,
        dealId,
        pipelineStages: STAGES,
      },
    },
    tenantId,
  );

export const eur = (amount: number): MoneyInput => ({ amount, currency: 'EUR' });
export const usd = (amount: number): MoneyInput => ({ amount, currency: 'USD' });
