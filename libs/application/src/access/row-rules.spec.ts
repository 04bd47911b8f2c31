import { LeadCommand, leadDecider } from '@crm/domain';
import {
  createEventSchemaRegistry,
  createEventSerializer,
  createSqliteEventStore,
  EventStore,
} from '@crm/event-store';
import { randomUUID } from 'node:crypto';
import { CommandContext } from '../command-context';
import { PermissionDeniedError, RecordNotVisibleError } from '../command-errors';
import { CommandExecutor, CommandWithoutMetadata } from '../command-executor';
import { rowRuleCheck } from './row-rules';

const serializer = createEventSerializer(createEventSchemaRegistry());
const context = (): CommandContext => {
  const commandId = randomUUID();
  return {
    tenantId: 't1',
    actorId: 'rep-a',
    principal: { kind: 'user', subject: 'rep-a' },
    commandId,
    correlationId: commandId,
    causationId: commandId,
  };
};
const capture = (ownerId?: string): CommandWithoutMetadata<LeadCommand> => ({
  type: 'CaptureLead',
  data: {
    leadId: 'l1',
    source: 'web',
    contact: { firstName: 'A', lastName: 'B', email: 'a@b.c' },
    ...(ownerId !== undefined && { ownerId }),
  },
});
const score: CommandWithoutMetadata<LeadCommand> = {
  type: 'AdjustLeadScore',
  data: { leadId: 'l1', delta: 5, reason: 'replied' },
};
const assignTo = (ownerId: string): CommandWithoutMetadata<LeadCommand> => ({
  type: 'AssignLead',
  data: { leadId: 'l1', ownerId },
});
const repA = rowRuleCheck({ subject: 'rep-a', roles: ['sales-rep'] }, 'lead', 'l1', 'lead:score');

describe('row rules on the state a command is decided on', () => {
  let store: EventStore;
  let executor: CommandExecutor;
  beforeEach(() => {
    store = createSqliteEventStore({ path: ':memory:' });
    executor = new CommandExecutor(store, serializer);
  });
  afterEach(() => store.close());

  const scoreAsRepA = () => executor.execute('lead', leadDecider, 'l1', score, context(), repA);

  it('lets the owner change the record', async () => {
    await executor.execute('lead', leadDecider, 'l1', capture('rep-a'), context());
    expect((await scoreAsRepA()).appended).toBe(1);
  });

  it('answers a record the caller may not read as absent, and appends nothing', async () => {
    await executor.execute('lead', leadDecider, 'l1', capture('rep-b'), context());
    const head = await store.headPosition();
    await expect(scoreAsRepA()).rejects.toMatchObject({
      constructor: RecordNotVisibleError,
      code: 'LEAD_NOT_FOUND',
    });
    expect(await store.headPosition()).toBe(head);
  });

  it('refuses a record the caller may read but not change, naming the permission', async () => {
    await executor.execute('lead', leadDecider, 'l1', capture(), context());
    await expect(scoreAsRepA()).rejects.toMatchObject({
      constructor: PermissionDeniedError,
      permission: 'lead:score',
    });
  });

  it('passes a record that does not exist to the decider, which answers for it', async () => {
    await expect(scoreAsRepA()).rejects.toMatchObject({ code: 'LEAD_NOT_FOUND' });
  });

  it('checks again on the state re-loaded after a conflict: a lead reassigned meanwhile is refused', async () => {
    await executor.execute('lead', leadDecider, 'l1', capture('rep-a'), context());
    // Between rep-a's load and append, a manager gives the lead to rep-b.
    const other = new CommandExecutor(store, serializer);
    let interfered = false;
    const racing: EventStore = Object.create(store, {
      appendToStream: {
        value: async (...args: Parameters<EventStore['appendToStream']>) => {
          if (!interfered) {
            interfered = true;
            await other.execute('lead', leadDecider, 'l1', assignTo('rep-b'), context());
          }
          return store.appendToStream(...args);
        },
      },
    });
    const racingExecutor = new CommandExecutor(racing, serializer);
    await expect(
      racingExecutor.execute('lead', leadDecider, 'l1', score, context(), repA),
    ).rejects.toBeInstanceOf(RecordNotVisibleError);
    expect(interfered).toBe(true);
    const events = await store.readStream('lead-t1.l1');
    expect(events.map((e) => e.type)).toEqual(['LeadCaptured.v1', 'LeadAssigned.v1']);
  });
});
