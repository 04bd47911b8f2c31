import { AggregateKind, ScoringModelDefinition } from '@crm/domain';

/** One command of the golden scenario. */
export type GoldenStep = {
  kind: AggregateKind;
  id: string;
  type: string;
  data: Record<string, unknown>;
  /** How long after the previous step this one runs (default one minute). */
  afterMs?: number;
};

const step = (
  kind: AggregateKind,
  id: string,
  type: string,
  data: Record<string, unknown> = {},
): GoldenStep => {
  const idField = `${kind}Id`;
  return { kind, id, type, data: { [idField]: id, ...data } };
};
const money = (amount: number) => ({ amount, currency: 'EUR' });
const line = (lineId: string, quantity: number, amount: number, discountPercent = 0) => ({
  lineId,
  productName: `Product ${lineId}`,
  quantity,
  unitPrice: money(amount),
  discountPercent,
});
const TWO_DAYS = 2 * 86_400_000;
const SIX_DAYS = 6 * 86_400_000;
const THREE_DAYS = 3 * 86_400_000;

/**
 * A scenario that writes every event type the domain has at least once. Its stored events are the
 * golden fixture: the log's format, frozen.
 */
export const goldenScenario: GoldenStep[] = [
  step('pipeline', 'p1', 'DefinePipeline', {
    name: 'Sales',
    stages: [
      { stageId: 's1', name: 'Qualify', probability: 0.1 },
      { stageId: 's2', name: 'Propose', probability: 0.5 },
      { stageId: 's3', name: 'Negotiate', probability: 0.8 },
    ],
  }),
  step('pipeline', 'p1', 'AddPipelineStage', {
    stage: { stageId: 's4', name: 'Review', probability: 0.6 },
  }),
  step('pipeline', 'p1', 'RenamePipelineStage', { stageId: 's4', name: 'Legal' }),
  step('pipeline', 'p1', 'SetPipelineStageProbability', { stageId: 's2', probability: 0.4 }),
  step('pipeline', 'p1', 'ReorderPipelineStages', { stageIds: ['s1', 's2', 's4', 's3'] }),
  step('pipeline', 'p1', 'RemovePipelineStage', { stageId: 's4' }),
  step('account', 'a1', 'RegisterAccount', {
    name: 'Engines Ltd',
    domain: 'engines.example',
    size: '11-50',
  }),
  step('account', 'a1', 'UpdateAccountProfile', { industry: 'Machinery' }),
  step('account', 'a1', 'AssignAccountOwner', { ownerId: 'u2' }),
  step('account', 'a1', 'TagAccount', { tag: 'vip' }),
  step('account', 'a1', 'UntagAccount', { tag: 'vip' }),
  step('account', 'a1', 'SetAccountCustomField', { key: 'tier', value: 'gold' }),
  step('account', 'a2', 'RegisterAccount', { name: 'Old Co' }),
  step('account', 'a2', 'ArchiveAccount', { reason: 'dissolved' }),
  step('contact', 'c1', 'CreateContact', {
    firstName: 'Ada',
    lastName: 'Lovelace',
    emails: [{ address: 'ada@engines.example', primary: true }],
    phones: [{ number: '+44 20 0000 0000', label: 'work' }],
  }),
  step('contact', 'c1', 'UpdateContact', { title: 'Analyst' }),
  step('contact', 'c1', 'LinkContactToAccount', { accountId: 'a1' }),
  step('contact', 'c1', 'AssignContactOwner', { ownerId: 'u2' }),
  step('contact', 'c1', 'TagContact', { tag: 'champion' }),
  step('contact', 'c1', 'UntagContact', { tag: 'champion' }),
  step('contact', 'c1', 'SetContactCustomField', { key: 'birthday', value: '12-10' }),
  step('contact', 'c1', 'RecordContactConsent', {
    channel: 'email',
    status: 'opted_in',
    source: 'webform',
  }),
  step('contact', 'c2', 'CreateContact', {
    firstName: 'Charles',
    lastName: 'Babbage',
    emails: [],
    phones: [],
  }),
  step('contact', 'c2', 'LinkContactToAccount', { accountId: 'a1' }),
  step('contact', 'c2', 'UnlinkContactFromAccount'),
  step('contact', 'c3', 'CreateContact', {
    firstName: 'A.',
    lastName: 'Lovelace',
    emails: [],
    phones: [],
  }),
  step('contact', 'c3', 'MergeContact', { survivorId: 'c1' }),
  step('campaign', 'm1', 'CreateCampaign', {
    name: 'Spring launch',
    channel: 'email',
    budget: money(5000),
    startsOn: '2026-03-01',
    endsOn: '2026-03-31',
  }),
  step('campaign', 'm1', 'AddCampaignMembers', { contactIds: ['c1', 'c2'] }),
  step('campaign', 'm1', 'RemoveCampaignMembers', { contactIds: ['c2'] }),
  step('campaign', 'm1', 'RecordCampaignTouch', {
    contactId: 'c1',
    touch: 'opened',
    occurredAt: '2026-03-02T09:00:00.000Z',
  }),
  step('campaign', 'm1', 'CompleteCampaign'),
  step('lead', 'l1', 'CaptureLead', {
    source: 'webinar',
    campaignId: 'm1',
    contact: {
      firstName: 'Grace',
      lastName: 'Hopper',
      email: 'grace@navy.example',
      company: 'Navy Labs',
    },
  }),
  step('lead', 'l1', 'AdjustLeadScore', { delta: 15, reason: 'opened pricing page' }),
  step('lead', 'l1', 'AssignLead', { ownerId: 'u3' }),
  step('lead', 'l1', 'QualifyLead', { note: 'budget confirmed' }),
  step('lead', 'l1', 'ConvertLead', {
    deal: {
      title: 'Navy Labs pilot',
      pipelineId: 'p1',
      amount: money(12000),
      expectedCloseDate: '2026-06-30',
    },
  }),
  step('lead', 'l2', 'CaptureLead', {
    source: 'event',
    contact: { firstName: 'Tim', lastName: 'B', phone: '+1 555 0100' },
  }),
  step('lead', 'l2', 'DisqualifyLead', { reason: 'student' }),
  step('deal', 'd1', 'OpenDeal', {
    title: 'Engines renewal',
    accountId: 'a1',
    contactId: 'c1',
    amount: money(20000),
    pipelineId: 'p1',
    stageId: 's1',
    expectedCloseDate: '2026-05-31',
    ownerId: 'u2',
  }),
  step('deal', 'd1', 'ChangeDealAmount', { amount: money(22000) }),
  step('deal', 'd1', 'ChangeDealExpectedClose', { expectedCloseDate: '2026-06-15' }),
  step('deal', 'd1', 'MoveDealStage', { stageId: 's2' }),
  step('deal', 'd1', 'WinDeal'),
  step('deal', 'd1', 'ReopenDeal'),
  step('deal', 'd1', 'LoseDeal', { reason: 'budget cut' }),
  step('interaction', 'i1', 'LogCall', {
    contactId: 'c1',
    direction: 'outbound',
    durationSeconds: 240,
    outcome: 'connected',
    occurredAt: '2026-01-10T10:00:00.000Z',
  }),
  step('interaction', 'i2', 'LogEmail', {
    contactId: 'c1',
    direction: 'inbound',
    subject: 'Re: proposal',
    occurredAt: '2026-01-11T10:00:00.000Z',
  }),
  step('interaction', 'i3', 'LogMeeting', {
    contactId: 'c1',
    subject: 'Demo',
    participants: ['u2', 'c1'],
    startAt: '2026-01-12T10:00:00.000Z',
    endAt: '2026-01-12T11:00:00.000Z',
  }),
  step('interaction', 'i4', 'LogNote', {
    contactId: 'c1',
    body: 'Prefers mornings',
    occurredAt: '2026-01-12T12:00:00.000Z',
  }),
  step('interaction', 'i4', 'CorrectInteractionLinks', { dealId: 'd1' }),
  step('ticket', 't1', 'OpenTicket', {
    contactId: 'c1',
    channel: 'email',
    priority: 'normal',
    subject: 'Invoice question',
  }),
  step('ticket', 't1', 'AssignTicket', { agentId: 'agent-1' }),
  step('ticket', 't1', 'ReplyToTicket', {
    author: 'agent',
    authorId: 'agent-1',
    body: 'Looking into it',
  }),
  step('ticket', 't1', 'ChangeTicketPriority', { priority: 'high' }),
  step('ticket', 't1', 'EscalateTicket', { reason: 'VIP customer' }),
  step('ticket', 't1', 'ResolveTicket', { resolution: 'credit note sent' }),
  step('ticket', 't1', 'ReopenTicket', { reason: 'wrong amount' }),
  step('ticket', 't1', 'CloseTicket'),
  step('task', 'k1', 'ScheduleTask', {
    title: 'Send contract',
    dueAt: '2026-01-20T09:00:00.000Z',
    assigneeId: 'u2',
    relatedTo: { kind: 'deal', id: 'd1' },
  }),
  step('task', 'k1', 'RescheduleTask', { dueAt: '2026-01-22T09:00:00.000Z' }),
  step('task', 'k1', 'CompleteTask', { outcome: 'signed' }),
  step('task', 'k2', 'ScheduleTask', {
    title: 'Follow up',
    dueAt: '2026-01-25T09:00:00.000Z',
    assigneeId: 'u3',
  }),
  step('task', 'k2', 'CancelTask', { reason: 'duplicate' }),
  // Quotes, added after the first fixture: appended, so every earlier event stays as it was.
  step('deal', 'd2', 'OpenDeal', {
    title: 'Engines expansion',
    accountId: 'a1',
    amount: money(5000),
    pipelineId: 'p1',
    stageId: 's1',
    expectedCloseDate: '2026-07-31',
    ownerId: 'u2',
  }),
  step('quote', 'q1', 'CreateQuote', {
    title: 'Expansion offer',
    accountId: 'a1',
    dealId: 'd2',
    contactId: 'c1',
    currency: 'EUR',
    validUntil: '2026-04-02',
  }),
  step('quote', 'q1', 'AddQuoteLine', line('ql1', 10, 450, 10)),
  step('quote', 'q1', 'AddQuoteLine', line('ql2', 1, 99.99)),
  step('quote', 'q1', 'ChangeQuoteLine', { lineId: 'ql1', quantity: 12 }),
  step('quote', 'q1', 'RemoveQuoteLine', { lineId: 'ql2' }),
  step('quote', 'q1', 'SetQuoteDiscount', { discountPercent: 2.5 }),
  step('quote', 'q1', 'SendQuote'),
  step('quote', 'q1', 'RejectQuote', { reason: 'needs more seats' }),
  step('quote', 'q1', 'ReviseQuote'),
  step('quote', 'q1', 'SendQuote'),
  { ...step('quote', 'q1', 'ExpireQuote'), afterMs: TWO_DAYS },
  step('quote', 'q1', 'ReviseQuote', { validUntil: '2026-12-31' }),
  step('quote', 'q1', 'SendQuote'),
  step('quote', 'q1', 'AcceptQuote'),
  step('deal', 'd2', 'ApplyQuoteToDeal', { quoteId: 'q1' }),
  // Added with the events that clear an owner or an agent: appended, so the older ones stay as they were.
  step('account', 'a1', 'AssignAccountOwner', { ownerId: null }),
  step('contact', 'c1', 'AssignContactOwner', { ownerId: null }),
  step('lead', 'l3', 'CaptureLead', {
    source: 'web',
    contact: { firstName: 'Una', lastName: 'Owned', email: 'una@example.com' },
    ownerId: 'u3',
  }),
  step('lead', 'l3', 'AssignLead', { ownerId: null }),
  step('ticket', 't2', 'OpenTicket', {
    contactId: 'c1',
    channel: 'chat',
    priority: 'low',
    subject: 'Password reset',
  }),
  step('ticket', 't2', 'AssignTicket', { agentId: 'agent-2' }),
  step('ticket', 't2', 'AssignTicket', { agentId: null }),
  // Added with lead scoring (the model is published before the scenario): appended likewise.
  step('lead', 'l4', 'CaptureLead', {
    source: 'webinar',
    contact: { firstName: 'Sam', lastName: 'Scored', email: 'sam@gmail.com', title: 'CTO' },
  }),
  step('lead', 'l4', 'ScoreLead', { modelVersion: 1 }),
  // Added with the SLA breach events: appended, so the older ones stay as they were. Six days on,
  // both targets of the low-priority t2 are missed.
  {
    ...step('ticket', 't2', 'RecordTicketSlaBreach', {
      target: 'first-response',
      dueAt: '2026-04-04T09:23:00.000Z',
    }),
    afterMs: SIX_DAYS,
  },
  step('ticket', 't2', 'RecordTicketSlaBreach', {
    target: 'resolution',
    dueAt: '2026-04-08T09:23:00.000Z',
  }),
  // Added with lead engagement: appended likewise. The lead-engagement process links a call
  // with l4's contact; here the command is sent as the process would send it.
  step('lead', 'l4', 'RecordLeadEngagement', {
    kind: 'call-logged',
    at: '2026-04-07T10:00:00.000Z',
    sourceEventId: 'golden-call-1',
  }),
  // Added with score decay: appended likewise. Rescored after the call, l4 has engagement
  // points; three days on, two whole periods since the call have passed without engagement.
  step('lead', 'l4', 'ScoreLead', { modelVersion: 1 }),
  { ...step('lead', 'l4', 'DecayLeadScore', { modelVersion: 1 }), afterMs: THREE_DAYS },
];

/** The tenant's scoring model version 1, which ScoreLead above scores by. */
export const goldenScoringModel: ScoringModelDefinition = {
  fitRules: [
    { id: 'webinar', attribute: 'source', operator: 'equals', value: 'webinar', points: 15 },
    { id: 'cto', attribute: 'title', operator: 'contains', value: 'cto', points: 20 },
    {
      id: 'free-mail',
      attribute: 'emailDomain',
      operator: 'in',
      values: ['gmail.com'],
      points: -5,
    },
  ],
  // The rules and the decay came after the steps scoring l4 first: they give it nothing there.
  engagementRules: [{ id: 'called', kind: 'call-logged', points: 20 }],
  threshold: 30,
  decay: { points: 5, every: 'P1D' },
};
