import {
  AddCampaignMembers,
  AdjustLeadScore,
  CaptureLead,
  CompleteTask,
  CreateCampaign,
  LogCall,
  LoseDeal,
  LogEmail,
  LogMeeting,
  LogNote,
  MergeContact,
  MoveDealStage,
  OpenTicket,
  RecordCampaignTouch,
  RecordContactConsent,
  ReplyToTicket,
  ResolveTicket,
  ScheduleTask,
  SetContactCustomField,
  TagContact,
  TicketPriority,
  WinDeal,
} from '@crm/domain';
import {
  createContact,
  definePipeline,
  eur,
  openDeal,
  OTHER_TENANT,
  registerAccount,
  STAGES,
  TENANT,
  usd,
  ViewsWorld,
} from './views.test-kit';

/** The moment the scenario's views are asked for. */
export const NOW = new Date('2026-02-01T12:00:00.000Z');

const openTicket = async (
  world: ViewsWorld,
  ticketId: string,
  priority: TicketPriority,
  openedAt: string,
  data: Partial<OpenTicket['data']> = {},
  tenantId = TENANT,
) => {
  world.at(openedAt);
  await world.send<OpenTicket>(
    'ticket',
    ticketId,
    {
      type: 'OpenTicket',
      data: {
        contactId: 'c-1',
        channel: 'email',
        subject: `Ticket ${ticketId}`,
        ...data,
        ticketId,
        priority,
      },
    },
    tenantId,
  );
};

const agentReply = async (world: ViewsWorld, ticketId: string, at: string, tenantId = TENANT) => {
  world.at(at);
  await world.send<ReplyToTicket>(
    'ticket',
    ticketId,
    {
      type: 'ReplyToTicket',
      data: { ticketId, author: 'agent', authorId: 'agent-1', body: 'On it' },
    },
    tenantId,
  );
};

const scheduleTask = async (
  world: ViewsWorld,
  taskId: string,
  data: Omit<ScheduleTask['data'], 'taskId' | 'title'>,
  tenantId = TENANT,
) =>
  world.send<ScheduleTask>(
    'task',
    taskId,
    { type: 'ScheduleTask', data: { title: `Task ${taskId}`, ...data, taskId } },
    tenantId,
  );

/** Ada (c-1) of Analytical Engines (acc-1), converted from lead-1, with Augusta (c-2) merged in. */
const seedPeople = async (world: ViewsWorld) => {
  world.at('2026-01-10T09:00:00.000Z');
  await definePipeline(world, 'p1');
  await registerAccount(world, 'acc-1', { name: 'Analytical Engines', ownerId: 'user-7' });
  await world.send<CaptureLead>('lead', 'lead-1', {
    type: 'CaptureLead',
    data: {
      leadId: 'lead-1',
      source: 'webinar',
      contact: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@analytical.example' },
      initialScore: 40,
    },
  });
  await world.send<AdjustLeadScore>('lead', 'lead-1', {
    type: 'AdjustLeadScore',
    data: { leadId: 'lead-1', delta: 15, reason: 'opened the mail' },
  });
  world.at('2026-01-10T09:03:00.000Z');
  await createContact(world, 'c-1', {
    accountId: 'acc-1',
    origin: { leadId: 'lead-1' },
    ownerId: 'user-7',
    emails: [{ address: 'Ada@Analytical.example', primary: true }],
  });
  await world.send<TagContact>('contact', 'c-1', {
    type: 'TagContact',
    data: { contactId: 'c-1', tag: 'vip' },
  });
  await world.send<SetContactCustomField>('contact', 'c-1', {
    type: 'SetContactCustomField',
    data: { contactId: 'c-1', key: 'tier', value: 'gold' },
  });
  world.at('2026-01-10T09:04:00.000Z');
  await world.send<RecordContactConsent>('contact', 'c-1', {
    type: 'RecordContactConsent',
    data: { contactId: 'c-1', channel: 'email', status: 'opted_in', source: 'web form' },
  });
  world.at('2026-01-10T09:05:00.000Z');
  await createContact(world, 'c-2', { firstName: 'Augusta Ada', lastName: 'King' });
};

/** d-1 open (EUR 5000), d-2 won (EUR 2000), d-4 lost (EUR 700); c-2's d-3 won (USD 1000). */
const seedDeals = async (world: ViewsWorld) => {
  world.at('2026-01-11T10:00:00.000Z');
  await openDeal(world, 'd-1', {
    pipelineId: 'p1',
    contactId: 'c-1',
    accountId: 'acc-1',
    amount: eur(5000),
    title: 'Engines - 50 seats',
  });
  world.at('2026-01-12T10:00:00.000Z');
  await openDeal(world, 'd-2', {
    pipelineId: 'p1',
    contactId: 'c-1',
    amount: eur(2000),
    stageId: 'proposal',
  });
  world.at('2026-01-12T11:00:00.000Z');
  await openDeal(world, 'd-3', { pipelineId: 'p1', contactId: 'c-2', amount: usd(1000) });
  world.at('2026-01-13T10:00:00.000Z');
  await openDeal(world, 'd-4', { pipelineId: 'p1', contactId: 'c-1', amount: eur(700) });
  world.at('2026-01-14T10:00:00.000Z');
  await world.send<LoseDeal>('deal', 'd-4', {
    type: 'LoseDeal',
    data: { dealId: 'd-4', reason: 'budget' },
  });
  world.at('2026-01-15T10:00:00.000Z');
  await world.send<WinDeal>('deal', 'd-2', { type: 'WinDeal', data: { dealId: 'd-2' } });
  world.at('2026-01-16T10:00:00.000Z');
  await world.send<WinDeal>('deal', 'd-3', { type: 'WinDeal', data: { dealId: 'd-3' } });
  world.at('2026-01-20T12:00:00.000Z');
  await world.send<MoveDealStage>('deal', 'd-1', {
    type: 'MoveDealStage',
    data: { dealId: 'd-1', stageId: 'proposal', pipelineStages: STAGES },
  });
};

const seedInteractions = async (world: ViewsWorld) => {
  world.at('2026-01-15T12:00:00.000Z');
  await world.send<LogCall>('interaction', 'i-0', {
    type: 'LogCall',
    data: {
      interactionId: 'i-0',
      contactId: 'c-2',
      occurredAt: '2026-01-15T12:00:00.000Z',
      direction: 'inbound',
      durationSeconds: 120,
      outcome: 'connected',
    },
  });
  world.at('2026-01-20T09:00:00.000Z');
  await world.send<MergeContact>('contact', 'c-2', {
    type: 'MergeContact',
    data: { contactId: 'c-2', survivorId: 'c-1' },
  });
  world.at('2026-01-30T10:00:00.000Z');
  await world.send<LogCall>('interaction', 'i-1', {
    type: 'LogCall',
    data: {
      interactionId: 'i-1',
      contactId: 'c-1',
      accountId: 'acc-1',
      dealId: 'd-1',
      occurredAt: '2026-01-30T10:00:00.000Z',
      direction: 'outbound',
      durationSeconds: 300,
      outcome: 'connected',
    },
  });
  world.at('2026-01-31T12:00:00.000Z');
  await world.send<LogEmail>('interaction', 'i-2', {
    type: 'LogEmail',
    data: {
      interactionId: 'i-2',
      contactId: 'c-1',
      occurredAt: '2026-01-31T10:00:00.000Z',
      direction: 'outbound',
      subject: 'Proposal',
    },
  });
  await world.send<LogNote>('interaction', 'i-3', {
    type: 'LogNote',
    data: {
      interactionId: 'i-3',
      contactId: 'c-1',
      accountId: 'acc-1',
      occurredAt: '2026-01-31T11:00:00.000Z',
      body: 'Wants a discount',
    },
  });
  await world.send<LogMeeting>('interaction', 'i-4', {
    type: 'LogMeeting',
    data: {
      interactionId: 'i-4',
      contactId: 'c-1',
      accountId: 'acc-1',
      subject: 'Signing',
      participants: ['Ada', 'Bob'],
      startAt: '2026-02-10T10:00:00.000Z',
      endAt: '2026-02-10T11:00:00.000Z',
    },
  });
};

/**
 * t-3 answered late and resolved; on the day: t-1 urgent answered in time, t-2 high answered
 * late, t-4 urgent never answered.
 */
const seedTickets = async (world: ViewsWorld) => {
  await openTicket(world, 't-3', 'normal', '2026-01-20T10:00:00.000Z');
  await agentReply(world, 't-3', '2026-01-20T20:00:00.000Z');
  world.at('2026-01-21T10:00:00.000Z');
  await world.send<ResolveTicket>('ticket', 't-3', {
    type: 'ResolveTicket',
    data: { ticketId: 't-3', resolution: 'fixed' },
  });
  await openTicket(world, 't-4', 'urgent', '2026-02-01T02:00:00.000Z', { accountId: 'acc-1' });
  await openTicket(world, 't-1', 'urgent', '2026-02-01T08:00:00.000Z');
  await agentReply(world, 't-1', '2026-02-01T08:10:00.000Z');
  await openTicket(world, 't-2', 'high', '2026-02-01T09:00:00.000Z', { accountId: 'acc-1' });
  await agentReply(world, 't-2', '2026-02-01T11:30:00.000Z');
};

const seedCampaignAndTasks = async (world: ViewsWorld) => {
  world.at('2026-01-25T09:00:00.000Z');
  await world.send<CreateCampaign>('campaign', 'camp-1', {
    type: 'CreateCampaign',
    data: {
      campaignId: 'camp-1',
      name: 'Spring webinar',
      channel: 'webinar',
      budget: eur(1000),
      startsOn: '2026-01-25',
      endsOn: '2026-03-01',
    },
  });
  await world.send<AddCampaignMembers>('campaign', 'camp-1', {
    type: 'AddCampaignMembers',
    data: { campaignId: 'camp-1', contactIds: ['c-1'] },
  });
  for (const [touch, occurredAt] of [
    ['sent', '2026-01-26T09:00:00.000Z'],
    ['opened', '2026-01-26T10:00:00.000Z'],
  ] as const) {
    await world.send<RecordCampaignTouch>('campaign', 'camp-1', {
      type: 'RecordCampaignTouch',
      data: { campaignId: 'camp-1', contactId: 'c-1', touch, occurredAt },
    });
  }
  world.at('2026-01-31T13:00:00.000Z');
  const contact = (id: string) => ({ kind: 'contact' as const, id });
  await scheduleTask(world, 'task-1', {
    dueAt: '2026-02-03T09:00:00.000Z',
    assigneeId: 'user-7',
    relatedTo: contact('c-1'),
  });
  await scheduleTask(world, 'task-2', {
    dueAt: '2026-02-02T09:00:00.000Z',
    assigneeId: 'user-7',
    relatedTo: contact('c-1'),
  });
  await world.send<CompleteTask>('task', 'task-2', {
    type: 'CompleteTask',
    data: { taskId: 'task-2' },
  });
  await scheduleTask(world, 'task-3', {
    dueAt: '2026-02-05T09:00:00.000Z',
    assigneeId: 'user-7',
    relatedTo: contact('c-2'),
  });
  await scheduleTask(world, 'task-4', {
    dueAt: '2026-02-04T09:00:00+01:00',
    assigneeId: 'user-2',
    relatedTo: { kind: 'account', id: 'acc-1' },
  });
};

/** Another tenant reusing the same ids: none of it may show in the first tenant's views. */
const seedOtherTenant = async (world: ViewsWorld) => {
  world.at('2026-01-30T09:00:00.000Z');
  await definePipeline(world, 'p1', OTHER_TENANT);
  await registerAccount(world, 'acc-1', { name: 'Globex' }, OTHER_TENANT);
  await createContact(
    world,
    'c-1',
    { firstName: 'Grace', lastName: 'Hopper', accountId: 'acc-1' },
    OTHER_TENANT,
  );
  await createContact(world, 'c-9', { firstName: 'Alan', lastName: 'Turing' }, OTHER_TENANT);
  await openDeal(
    world,
    'd-9',
    { pipelineId: 'p1', contactId: 'c-1', accountId: 'acc-1', amount: eur(9999) },
    OTHER_TENANT,
  );
  await openDeal(
    world,
    'd-1',
    { pipelineId: 'p1', contactId: 'c-9', amount: eur(1) },
    OTHER_TENANT,
  );
  await openTicket(world, 't-9', 'low', '2026-01-30T09:30:00.000Z', {}, OTHER_TENANT);
  await scheduleTask(
    world,
    'task-9',
    {
      dueAt: '2026-01-31T09:00:00.000Z',
      assigneeId: 'user-7',
      relatedTo: { kind: 'contact', id: 'c-1' },
    },
    OTHER_TENANT,
  );
};

/** Seeds the whole scenario and projects it. */
export const seedScenario = async (world: ViewsWorld): Promise<void> => {
  await seedPeople(world);
  await seedDeals(world);
  await seedInteractions(world);
  await seedTickets(world);
  await seedCampaignAndTasks(world);
  await seedOtherTenant(world);
  await world.project();
};
