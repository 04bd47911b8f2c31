import fc from 'fast-check';

/**
 * Random command sequences over a small pool of record ids, so commands collide on the same
 * records often. Many are refused by the domain (closing a closed deal, linking an unknown
 * account...): that is the point; refused commands append nothing.
 */
export type Operation = {
  kind: string;
  recordId: string;
  type: string;
  data: Record<string, unknown>;
};

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const accounts = ['a1', 'a2', 'a3'];
const contacts = ['c1', 'c2', 'c3', 'c4'];
const deals = ['d1', 'd2', 'd3', 'd4'];
const leads = ['l1', 'l2', 'l3'];
const tickets = ['t1', 't2', 't3'];
const tasks = ['k1', 'k2', 'k3'];
const campaigns = ['m1', 'm2'];
const stages = ['s1', 's2', 's3'];
const money = fc.record({
  amount: fc.integer({ min: 0, max: 100_000 }),
  currency: pick(['EUR', 'USD']),
});
const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-06-${String(d).padStart(2, '0')}`);
const past = fc
  .integer({ min: 1, max: 1000 })
  .map((m) => new Date(Date.UTC(2026, 0, 1, 0, m)).toISOString());

const op = (
  kind: string,
  ids: string[],
  type: string,
  data: fc.Arbitrary<Record<string, unknown>>,
  idField: string,
) =>
  fc.tuple(pick(ids), data).map(([recordId, d]): Operation => ({
    kind,
    recordId,
    type,
    data: { [idField]: recordId, ...d },
  }));

const none = fc.constant({});

export const operationArbitrary: fc.Arbitrary<Operation> = fc.oneof(
  op(
    'account',
    accounts,
    'RegisterAccount',
    fc.record({ name: pick(['Acme', 'Globex', 'Initech']) }),
    'accountId',
  ),
  op(
    'account',
    accounts,
    'UpdateAccountProfile',
    fc.record({ name: pick(['Acme 2', 'Umbrella']) }),
    'accountId',
  ),
  op('account', accounts, 'TagAccount', fc.record({ tag: pick(['vip', 'eu']) }), 'accountId'),
  op('account', accounts, 'ArchiveAccount', none, 'accountId'),
  op(
    'contact',
    contacts,
    'CreateContact',
    fc.record({
      firstName: pick(['Ada', 'Alan']),
      lastName: pick(['L', 'T']),
      emails: fc.constant([]),
      phones: fc.constant([]),
    }),
    'contactId',
  ),
  op(
    'contact',
    contacts,
    'LinkContactToAccount',
    fc.record({ accountId: pick(accounts) }),
    'contactId',
  ),
  op(
    'contact',
    contacts,
    'TagContact',
    fc.record({ tag: pick(['vip', 'churn-risk']) }),
    'contactId',
  ),
  op(
    'contact',
    contacts,
    'RecordContactConsent',
    fc.record({
      channel: pick(['email', 'sms']),
      status: pick(['opted_in', 'opted_out']),
      source: fc.constant('form'),
    }),
    'contactId',
  ),
  op('contact', contacts, 'MergeContact', fc.record({ survivorId: pick(contacts) }), 'contactId'),
  op(
    'deal',
    deals,
    'OpenDeal',
    fc.record({
      title: fc.constant('Deal'),
      contactId: pick(contacts),
      amount: money,
      pipelineId: fc.constant('p1'),
      stageId: pick(stages),
      expectedCloseDate: day,
      ownerId: pick(['u1', 'u2']),
    }),
    'dealId',
  ),
  op('deal', deals, 'MoveDealStage', fc.record({ stageId: pick(stages) }), 'dealId'),
  op('deal', deals, 'ChangeDealAmount', fc.record({ amount: money }), 'dealId'),
  op('deal', deals, 'WinDeal', none, 'dealId'),
  op('deal', deals, 'LoseDeal', fc.record({ reason: fc.constant('price') }), 'dealId'),
  op('deal', deals, 'ReopenDeal', none, 'dealId'),
  op(
    'lead',
    leads,
    'CaptureLead',
    fc.record({
      source: pick(['web', 'event']),
      contact: fc.record({
        firstName: fc.constant('L'),
        lastName: fc.constant('Q'),
        email: fc.constant('l@q.io'),
      }),
    }),
    'leadId',
  ),
  op('lead', leads, 'QualifyLead', none, 'leadId'),
  op('lead', leads, 'DisqualifyLead', fc.record({ reason: fc.constant('no budget') }), 'leadId'),
  op(
    'lead',
    leads,
    'AdjustLeadScore',
    fc.record({ delta: fc.integer({ min: -20, max: 20 }), reason: fc.constant('r') }),
    'leadId',
  ),
  op(
    'ticket',
    tickets,
    'OpenTicket',
    fc.record({
      contactId: pick(contacts),
      channel: pick(['email', 'phone']),
      priority: pick(['low', 'normal', 'high', 'urgent']),
      subject: fc.constant('Help'),
    }),
    'ticketId',
  ),
  op(
    'ticket',
    tickets,
    'ReplyToTicket',
    fc.record({
      author: pick(['agent', 'customer']),
      authorId: fc.constant('x'),
      body: fc.constant('hi'),
    }),
    'ticketId',
  ),
  op(
    'ticket',
    tickets,
    'ChangeTicketPriority',
    fc.record({ priority: pick(['low', 'urgent']) }),
    'ticketId',
  ),
  op(
    'ticket',
    tickets,
    'ResolveTicket',
    fc.record({ resolution: fc.constant('done') }),
    'ticketId',
  ),
  op('ticket', tickets, 'ReopenTicket', fc.record({ reason: fc.constant('again') }), 'ticketId'),
  op('ticket', tickets, 'CloseTicket', none, 'ticketId'),
  op(
    'task',
    tasks,
    'ScheduleTask',
    fc.record({ title: fc.constant('Call'), dueAt: past, assigneeId: pick(['u1', 'u2']) }),
    'taskId',
  ),
  op('task', tasks, 'RescheduleTask', fc.record({ dueAt: past }), 'taskId'),
  op('task', tasks, 'CompleteTask', none, 'taskId'),
  fc
    .tuple(fc.integer({ min: 1, max: 1000 }), pick(contacts), past)
    .map(([n, contactId, occurredAt]): Operation => ({
      kind: 'interaction',
      recordId: `i${n}`,
      type: 'LogNote',
      data: { interactionId: `i${n}`, contactId, occurredAt, body: 'note' },
    })),
  op(
    'campaign',
    campaigns,
    'CreateCampaign',
    fc.record({
      name: fc.constant('Spring'),
      channel: fc.constant('email'),
      budget: money,
      startsOn: fc.constant('2026-01-01'),
      endsOn: fc.constant('2026-12-31'),
    }),
    'campaignId',
  ),
  op(
    'campaign',
    campaigns,
    'AddCampaignMembers',
    fc.record({ contactIds: fc.subarray(contacts, { minLength: 1 }) }),
    'campaignId',
  ),
  op(
    'campaign',
    campaigns,
    'RecordCampaignTouch',
    fc.record({ contactId: pick(contacts), touch: pick(['sent', 'opened']), occurredAt: past }),
    'campaignId',
  ),
);

/** The pipeline every sequence starts with, so deals have stages to live in. */
const pipelineDefinition: Operation = {
  kind: 'pipeline',
  recordId: 'p1',
  type: 'DefinePipeline',
  data: {
    pipelineId: 'p1',
    name: 'Sales',
    stages: stages.map((stageId, i) => ({
      stageId,
      name: `Stage ${i + 1}`,
      probability: (i + 1) / 4,
    })),
  },
};

/** What every sequence starts with: a pipeline, the accounts and the contacts others refer to. */
export const prelude: Operation[] = [
  pipelineDefinition,
  ...accounts.map((accountId) => ({
    kind: 'account',
    recordId: accountId,
    type: 'RegisterAccount',
    data: { accountId, name: accountId },
  })),
  ...contacts.map((contactId) => ({
    kind: 'contact',
    recordId: contactId,
    type: 'CreateContact',
    data: { contactId, firstName: 'F', lastName: contactId, emails: [], phones: [] },
  })),
];
