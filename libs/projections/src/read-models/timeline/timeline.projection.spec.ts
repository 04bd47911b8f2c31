import {
  AccountArchived,
  AccountRegistered,
  CallLogged,
  CampaignTouchRecorded,
  ContactConsentRecorded,
  ContactCreated,
  ContactLinkedToAccount,
  ContactMerged,
  DealAmountChanged,
  DealLost,
  DealOpened,
  DealReopened,
  DealStageMoved,
  DealWon,
  DomainEvent,
  EmailLogged,
  InteractionLinksCorrected,
  LeadCaptured,
  LeadConverted,
  LeadDisqualified,
  LeadQualified,
  MeetingLogged,
  NoteLogged,
  RecordRef,
  TaskCompleted,
  TaskScheduled,
  TicketClosed,
  TicketEscalated,
  TicketFirstResponseBreached,
  TicketOpened,
  TicketReopened,
  TicketReplied,
  TicketResolutionBreached,
  TicketResolved,
} from '@crm/domain';
import { projectedEvent } from '@crm/testing';
import { ProjectedEvent } from '../../projection';
import { TimelineEntryDocument, TimelineLinks } from './timeline.document';
import { timelineProjection } from './timeline.projection';

type Options = Parameters<typeof projectedEvent>[1];

const RECORDED_AT = '2026-02-01T08:00:00.000Z';

const event = <E extends DomainEvent>(type: E['type'], data: E['data'], options: Options = {}) =>
  projectedEvent<E>({ type, data } as E, { recordedAt: RECORDED_AT, ...options });

/** The entry an event writes, as the runner would get it. */
const entryOf = (projected: ProjectedEvent): TimelineEntryDocument => {
  expect(timelineProjection.handles.has(projected.type)).toBe(true);
  const ids = timelineProjection.documentIds(projected);
  expect(ids).toEqual([`${projected.metadata.tenantId}:${projected.id}`]);
  const entry = timelineProjection.evolve(undefined, projected, ids[0]);
  if (entry === undefined || entry === null) throw new Error(`no entry for ${projected.type}`);
  // Plain JSON: no field holds `undefined`.
  expect(JSON.parse(JSON.stringify(entry))).toStrictEqual(entry);
  return entry;
};

type Expected = { occurredAt: string; links: TimelineLinks; summary: string };

/** The whole entry `projected` should write. */
const expectedEntry = (projected: ProjectedEvent, expected: Expected): TimelineEntryDocument => ({
  _id: `${projected.metadata.tenantId}:${projected.id}`,
  tenantId: projected.metadata.tenantId,
  eventId: projected.id,
  type: projected.type,
  occurredAt: expected.occurredAt,
  position: Number(projected.position),
  ...expected.links,
  summary: expected.summary,
  actorId: 'user-1',
});

const TICKET_SLA = {
  priority: 'high',
  firstResponseMinutes: 120,
  resolutionMinutes: 1440,
  firstResponseDueAt: '2026-01-20T12:00:00.000Z',
  resolutionDueAt: '2026-01-21T10:00:00.000Z',
} as const;

const CONVERSION_DEAL = {
  dealId: 'd-1',
  title: 'Engine licence',
  pipelineId: 'p-1',
  stageId: 's-1',
  amount: { amountMinor: 500000, currency: 'GBP' },
  expectedCloseDate: '2026-03-01',
};

/** One case per significant event type: the event and the entry it should write. */
const cases: [string, ProjectedEvent, Expected][] = [
  [
    'CallLogged',
    event<CallLogged>('CallLogged', {
      interactionId: 'i-1',
      contactId: 'c-1',
      accountId: 'a-1',
      dealId: 'd-1',
      occurredAt: '2026-01-20T14:00:00.000Z',
      direction: 'outbound',
      durationSeconds: 240,
      outcome: 'connected',
    }),
    {
      occurredAt: '2026-01-20T14:00:00.000Z',
      links: { contactId: 'c-1', accountId: 'a-1', dealId: 'd-1', interactionId: 'i-1' },
      summary: 'Call (outbound, 4 min): connected',
    },
  ],
  [
    'EmailLogged',
    event<EmailLogged>('EmailLogged', {
      interactionId: 'i-2',
      contactId: 'c-1',
      ticketId: 't-1',
      occurredAt: '2026-01-20T15:00:00.000Z',
      direction: 'inbound',
      subject: 'Re: invoice 42',
      bodyPreview: 'Thanks, paid today.',
    }),
    {
      occurredAt: '2026-01-20T15:00:00.000Z',
      links: { contactId: 'c-1', ticketId: 't-1', interactionId: 'i-2' },
      summary: 'Email (inbound): Re: invoice 42',
    },
  ],
  [
    'MeetingLogged',
    event<MeetingLogged>('MeetingLogged', {
      interactionId: 'i-3',
      contactId: 'c-1',
      accountId: 'a-1',
      occurredAt: '2026-01-21T10:00:00.000Z',
      subject: 'Kick-off',
      participants: ['user-1', 'c-1', 'c-2'],
      startAt: '2026-01-21T10:00:00.000Z',
      endAt: '2026-01-21T10:45:00.000Z',
      location: 'HQ',
    }),
    {
      occurredAt: '2026-01-21T10:00:00.000Z',
      links: { contactId: 'c-1', accountId: 'a-1', interactionId: 'i-3' },
      summary: 'Meeting (45 min, 3 participants): Kick-off',
    },
  ],
  [
    'NoteLogged',
    event<NoteLogged>('NoteLogged', {
      interactionId: 'i-4',
      contactId: 'c-1',
      occurredAt: '2026-01-22T09:00:00.000Z',
      body: 'Prefers\n  email   over calls ',
    }),
    {
      occurredAt: '2026-01-22T09:00:00.000Z',
      links: { contactId: 'c-1', interactionId: 'i-4' },
      summary: 'Note: Prefers email over calls',
    },
  ],
  [
    'InteractionLinksCorrected',
    event<InteractionLinksCorrected>('InteractionLinksCorrected', {
      interactionId: 'i-1',
      contactId: 'c-1',
      accountId: null,
      dealId: 'd-2',
      previous: { accountId: 'a-1', dealId: 'd-1' },
    }),
    {
      occurredAt: RECORDED_AT,
      links: { contactId: 'c-1', dealId: 'd-2', interactionId: 'i-1' },
      summary: 'Links corrected: account unlinked (was a-1), deal d-2 (was d-1)',
    },
  ],
  [
    'ContactCreated',
    event<ContactCreated>('ContactCreated', {
      contactId: 'c-1',
      firstName: 'Ada',
      lastName: 'Lovelace',
      emails: [],
      phones: [],
      accountId: 'a-1',
      origin: { leadId: 'l-1' },
    }),
    {
      occurredAt: RECORDED_AT,
      links: { contactId: 'c-1', accountId: 'a-1', leadId: 'l-1' },
      summary: 'Contact created: Ada Lovelace',
    },
  ],
  [
    'ContactLinkedToAccount',
    event<ContactLinkedToAccount>('ContactLinkedToAccount', {
      contactId: 'c-1',
      accountId: 'a-2',
      previousAccountId: 'a-1',
    }),
    {
      occurredAt: RECORDED_AT,
      links: { contactId: 'c-1', accountId: 'a-2' },
      summary: 'Moved from account a-1 to account a-2',
    },
  ],
  [
    'ContactMerged',
    event<ContactMerged>('ContactMerged', {
      contactId: 'c-1',
      survivorId: 'c-2',
      mergedAt: '2026-01-25T10:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-25T10:00:00.000Z',
      links: { contactId: 'c-1' },
      summary: 'Merged into contact c-2',
    },
  ],
  [
    'ContactConsentRecorded',
    event<ContactConsentRecorded>('ContactConsentRecorded', {
      contactId: 'c-1',
      channel: 'email',
      status: 'opted_out',
      source: 'unsubscribe-link',
      recordedAt: '2026-01-26T10:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-26T10:00:00.000Z',
      links: { contactId: 'c-1' },
      summary: 'Consent (email): opted out, source unsubscribe-link',
    },
  ],
  [
    'AccountRegistered',
    event<AccountRegistered>('AccountRegistered', {
      accountId: 'a-1',
      name: 'Acme Corp',
      domain: 'acme.example',
    }),
    {
      occurredAt: RECORDED_AT,
      links: { accountId: 'a-1' },
      summary: 'Account registered: Acme Corp (acme.example)',
    },
  ],
  [
    'AccountArchived',
    event<AccountArchived>('AccountArchived', {
      accountId: 'a-1',
      archivedAt: '2026-01-27T10:00:00.000Z',
      reason: 'duplicate',
    }),
    {
      occurredAt: '2026-01-27T10:00:00.000Z',
      links: { accountId: 'a-1' },
      summary: 'Account archived: duplicate',
    },
  ],
  [
    'LeadCaptured',
    event<LeadCaptured>('LeadCaptured', {
      leadId: 'l-1',
      source: 'webinar',
      campaignId: 'cmp-1',
      contact: { firstName: 'Ada', lastName: 'Lovelace', company: 'Analytical Engines' },
      score: 10,
      capturedAt: '2026-01-10T10:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-10T10:00:00.000Z',
      links: { leadId: 'l-1', campaignId: 'cmp-1' },
      summary: 'Lead captured from webinar: Ada Lovelace (Analytical Engines), score 10',
    },
  ],
  [
    'LeadQualified',
    event<LeadQualified>('LeadQualified', {
      leadId: 'l-1',
      note: 'budget confirmed',
      qualifiedAt: '2026-01-11T10:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-11T10:00:00.000Z',
      links: { leadId: 'l-1' },
      summary: 'Lead qualified: budget confirmed',
    },
  ],
  [
    'LeadDisqualified',
    event<LeadDisqualified>('LeadDisqualified', {
      leadId: 'l-1',
      reason: 'no budget',
      disqualifiedAt: '2026-01-12T10:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-12T10:00:00.000Z',
      links: { leadId: 'l-1' },
      summary: 'Lead disqualified: no budget',
    },
  ],
  [
    'LeadConverted',
    event<LeadConverted>('LeadConverted', {
      leadId: 'l-1',
      contactId: 'c-1',
      account: { accountId: 'a-1' },
      deal: CONVERSION_DEAL,
      contact: { firstName: 'Ada', lastName: 'Lovelace' },
      source: 'webinar',
      campaignId: 'cmp-1',
      convertedAt: '2026-01-13T10:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-13T10:00:00.000Z',
      links: {
        leadId: 'l-1',
        contactId: 'c-1',
        accountId: 'a-1',
        dealId: 'd-1',
        campaignId: 'cmp-1',
      },
      summary:
        'Lead Ada Lovelace converted: contact c-1, account a-1, deal Engine licence (5000 GBP)',
    },
  ],
  [
    'DealOpened',
    event<DealOpened>('DealOpened', {
      dealId: 'd-1',
      title: 'Engine licence',
      accountId: 'a-1',
      contactId: 'c-1',
      amount: { amountMinor: 500000, currency: 'GBP' },
      pipelineId: 'p-1',
      stageId: 's-1',
      probability: 0.2,
      expectedCloseDate: '2026-03-01',
      ownerId: 'user-2',
      origin: { leadId: 'l-1' },
      openedAt: '2026-01-13T10:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-13T10:00:00.000Z',
      links: { dealId: 'd-1', contactId: 'c-1', accountId: 'a-1', leadId: 'l-1' },
      summary: 'Deal opened: Engine licence (5000 GBP)',
    },
  ],
  [
    'DealStageMoved',
    event<DealStageMoved>('DealStageMoved', {
      dealId: 'd-1',
      fromStageId: 's-1',
      toStageId: 's-2',
      probability: 0.6,
      movedAt: '2026-01-14T10:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-14T10:00:00.000Z',
      links: { dealId: 'd-1' },
      summary: 'Stage moved: s-1 → s-2 (60%)',
    },
  ],
  [
    'DealWon',
    event<DealWon>('DealWon', {
      dealId: 'd-1',
      amount: { amountMinor: 520000, currency: 'GBP' },
      wonAt: '2026-01-15T10:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-15T10:00:00.000Z',
      links: { dealId: 'd-1' },
      summary: 'Deal won (5200 GBP)',
    },
  ],
  [
    'DealLost',
    event<DealLost>('DealLost', {
      dealId: 'd-1',
      reason: 'chose a competitor',
      lostAt: '2026-01-16T10:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-16T10:00:00.000Z',
      links: { dealId: 'd-1' },
      summary: 'Deal lost: chose a competitor',
    },
  ],
  [
    'DealReopened',
    event<DealReopened>('DealReopened', {
      dealId: 'd-1',
      stageId: 's-2',
      probability: 0.4,
      reopenedAt: '2026-01-17T10:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-17T10:00:00.000Z',
      links: { dealId: 'd-1' },
      summary: 'Deal reopened in stage s-2 (40%)',
    },
  ],
  [
    'DealAmountChanged',
    event<DealAmountChanged>('DealAmountChanged', {
      dealId: 'd-1',
      previousAmount: { amountMinor: 500000, currency: 'GBP' },
      amount: { amountMinor: 520000, currency: 'GBP' },
    }),
    {
      occurredAt: RECORDED_AT,
      links: { dealId: 'd-1' },
      summary: 'Amount changed: 5000 GBP → 5200 GBP',
    },
  ],
  [
    'TicketOpened',
    event<TicketOpened>('TicketOpened', {
      ticketId: 't-1',
      contactId: 'c-1',
      accountId: 'a-1',
      channel: 'email',
      priority: 'high',
      subject: 'Engine overheats',
      openedAt: '2026-01-20T10:00:00.000Z',
      sla: TICKET_SLA,
    }),
    {
      occurredAt: '2026-01-20T10:00:00.000Z',
      links: { ticketId: 't-1', contactId: 'c-1', accountId: 'a-1' },
      summary: 'Ticket opened (email, high): Engine overheats',
    },
  ],
  [
    'TicketReplied',
    event<TicketReplied>('TicketReplied', {
      ticketId: 't-1',
      author: 'agent',
      authorId: 'user-3',
      body: 'We are on it.',
      repliedAt: '2026-01-20T11:00:00.000Z',
      isFirstResponse: true,
    }),
    {
      occurredAt: '2026-01-20T11:00:00.000Z',
      links: { ticketId: 't-1' },
      summary: 'Agent replied (first response): We are on it.',
    },
  ],
  [
    'TicketEscalated',
    event<TicketEscalated>('TicketEscalated', {
      ticketId: 't-1',
      level: 2,
      reason: 'key account',
      escalatedAt: '2026-01-20T12:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-20T12:00:00.000Z',
      links: { ticketId: 't-1' },
      summary: 'Ticket escalated to level 2: key account',
    },
  ],
  [
    'TicketResolved',
    event<TicketResolved>('TicketResolved', {
      ticketId: 't-1',
      resolution: 'replaced the gear',
      resolvedAt: '2026-01-20T13:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-20T13:00:00.000Z',
      links: { ticketId: 't-1' },
      summary: 'Ticket resolved: replaced the gear',
    },
  ],
  [
    'TicketReopened',
    event<TicketReopened>('TicketReopened', {
      ticketId: 't-1',
      reason: 'still overheating',
      reopenedAt: '2026-01-21T13:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-21T13:00:00.000Z',
      links: { ticketId: 't-1' },
      summary: 'Ticket reopened: still overheating',
    },
  ],
  [
    'TicketClosed',
    event<TicketClosed>('TicketClosed', { ticketId: 't-1', closedAt: '2026-01-22T13:00:00.000Z' }),
    {
      occurredAt: '2026-01-22T13:00:00.000Z',
      links: { ticketId: 't-1' },
      summary: 'Ticket closed',
    },
  ],
  [
    'TicketFirstResponseBreached',
    event<TicketFirstResponseBreached>('TicketFirstResponseBreached', {
      ticketId: 't-1',
      priority: 'high',
      dueAt: '2026-01-20T12:00:00.000Z',
      breachedAt: '2026-01-20T12:00:05.000Z',
    }),
    {
      occurredAt: '2026-01-20T12:00:00.000Z',
      links: { ticketId: 't-1' },
      summary: 'First-response SLA breached',
    },
  ],
  [
    'TicketResolutionBreached',
    event<TicketResolutionBreached>('TicketResolutionBreached', {
      ticketId: 't-1',
      priority: 'high',
      dueAt: '2026-01-21T10:00:00.000Z',
      breachedAt: '2026-01-21T10:00:05.000Z',
    }),
    {
      occurredAt: '2026-01-21T10:00:00.000Z',
      links: { ticketId: 't-1' },
      summary: 'Resolution SLA breached',
    },
  ],
  [
    'TaskScheduled',
    event<TaskScheduled>('TaskScheduled', {
      taskId: 'k-1',
      title: 'Send proposal',
      dueAt: '2026-02-10T09:00:00.000Z',
      assigneeId: 'user-2',
      relatedTo: { kind: 'deal', id: 'd-1' },
    }),
    {
      occurredAt: RECORDED_AT,
      links: { taskId: 'k-1', dealId: 'd-1' },
      summary: 'Task scheduled: Send proposal (due 2026-02-10 09:00 UTC)',
    },
  ],
  [
    'TaskCompleted',
    event<TaskCompleted>('TaskCompleted', {
      taskId: 'k-1',
      completedAt: '2026-02-09T16:00:00.000Z',
      outcome: 'proposal sent',
    }),
    {
      occurredAt: '2026-02-09T16:00:00.000Z',
      links: { taskId: 'k-1' },
      summary: 'Task completed: proposal sent',
    },
  ],
  [
    'CampaignTouchRecorded',
    event<CampaignTouchRecorded>('CampaignTouchRecorded', {
      campaignId: 'cmp-1',
      contactId: 'c-1',
      touch: 'opened',
      occurredAt: '2026-01-05T08:00:00.000Z',
    }),
    {
      occurredAt: '2026-01-05T08:00:00.000Z',
      links: { campaignId: 'cmp-1', contactId: 'c-1' },
      summary: 'Campaign cmp-1: opened',
    },
  ],
];

describe('timelineProjection', () => {
  it('declares its collection and the indexes of the timeline queries', () => {
    expect(timelineProjection.name).toBe('timeline');
    expect(timelineProjection.indexes).toEqual([
      { fields: ['tenantId', 'contactId'] },
      { fields: ['tenantId', 'accountId'] },
      { fields: ['tenantId', 'dealId'] },
      { fields: ['tenantId', 'ticketId'] },
    ]);
  });

  it('handles exactly the significant event types', () => {
    // Quote events have their cases in facts/quote.timeline.spec.ts.
    const quoteTypes = ['QuoteCreated', 'QuoteSent', 'QuoteAccepted', 'QuoteRejected'];
    const moreQuoteTypes = ['QuoteExpired', 'QuoteRevised'];
    expect([...timelineProjection.handles].sort()).toEqual(
      [...cases.map(([type]) => type), ...quoteTypes, ...moreQuoteTypes].sort(),
    );
    for (const type of [
      'ContactUpdated',
      'ContactTagged',
      'ContactOwnerAssigned',
      'ContactUnlinkedFromAccount',
      'AccountProfileUpdated',
      'LeadScoreAdjusted',
      'LeadAssigned',
      'DealExpectedCloseChanged',
      'TicketAssigned',
      'TicketPriorityChanged',
      'TaskRescheduled',
      'TaskCancelled',
      'CampaignCreated',
      'CampaignMembersAdded',
      'PipelineDefined',
      'QuoteLineAdded',
      'QuoteDiscountSet',
    ]) {
      expect(timelineProjection.handles.has(type)).toBe(false);
    }
    const ignored = projectedEvent({ type: 'ContactTagged', data: { contactId: 'c-1', tag: 'x' } });
    expect(timelineProjection.documentIds(ignored)).toEqual([]);
  });

  it.each(cases)('%s: its time, links and summary', (_type, projected, expected) => {
    expect(entryOf(projected)).toStrictEqual(expectedEntry(projected, expected));
  });

  it('position orders entries that share a time', () => {
    const first = event<NoteLogged>(
      'NoteLogged',
      { interactionId: 'i-1', contactId: 'c-1', occurredAt: RECORDED_AT, body: 'one' },
      { position: 41n },
    );
    const second = event<NoteLogged>(
      'NoteLogged',
      { interactionId: 'i-2', contactId: 'c-1', occurredAt: RECORDED_AT, body: 'two' },
      { position: 42n },
    );
    expect([entryOf(first).position, entryOf(second).position]).toEqual([41, 42]);
  });

  it('call summaries: short calls in seconds, long ones in hours, the call summary after', () => {
    const call = (durationSeconds: number, summary?: string) =>
      entryOf(
        event<CallLogged>('CallLogged', {
          interactionId: 'i-1',
          contactId: 'c-1',
          occurredAt: RECORDED_AT,
          direction: 'inbound',
          durationSeconds,
          outcome: 'no_answer',
          ...(summary !== undefined && { summary }),
        }),
      ).summary;
    expect(call(45)).toBe('Call (inbound, 45 s): no answer');
    expect(call(7500)).toBe('Call (inbound, 2 h 5 min): no answer');
    expect(call(3600)).toBe('Call (inbound, 1 h): no answer');
    expect(call(600, 'left a voicemail about renewal')).toBe(
      'Call (inbound, 10 min): no answer - left a voicemail about renewal',
    );
  });

  it('summaries stay short: long free text is cut with an ellipsis', () => {
    const body = 'word '.repeat(100);
    const { summary } = entryOf(
      event<NoteLogged>('NoteLogged', {
        interactionId: 'i-1',
        contactId: 'c-1',
        occurredAt: RECORDED_AT,
        body,
      }),
    );
    expect(summary.startsWith('Note: word word')).toBe(true);
    expect(summary.endsWith('…')).toBe(true);
    expect(summary.length).toBeLessThanOrEqual('Note: '.length + 120);
  });

  it('optional parts of summaries and links are left out when absent', () => {
    const linked = entryOf(
      event<ContactLinkedToAccount>('ContactLinkedToAccount', {
        contactId: 'c-1',
        accountId: 'a-2',
      }),
    );
    expect(linked.summary).toBe('Linked to account a-2');

    const archived = entryOf(
      event<AccountArchived>('AccountArchived', { accountId: 'a-1', archivedAt: RECORDED_AT }),
    );
    expect(archived.summary).toBe('Account archived');

    const meeting = entryOf(
      event<MeetingLogged>('MeetingLogged', {
        interactionId: 'i-3',
        contactId: 'c-1',
        occurredAt: RECORDED_AT,
        subject: 'Demo',
        participants: ['c-1'],
        startAt: '2026-01-21T10:00:00.000Z',
        endAt: '2026-01-21T11:30:00.000Z',
      }),
    );
    expect(meeting.summary).toBe('Meeting (1 h 30 min, 1 participant): Demo');

    const customerReply = entryOf(
      event<TicketReplied>('TicketReplied', {
        ticketId: 't-1',
        author: 'customer',
        authorId: 'c-1',
        body: 'Any news?',
        repliedAt: RECORDED_AT,
        isFirstResponse: false,
      }),
    );
    expect(customerReply.summary).toBe('Customer replied: Any news?');

    const conversion = entryOf(
      event<LeadConverted>('LeadConverted', {
        leadId: 'l-1',
        contactId: 'c-1',
        account: { accountId: 'a-9', createWithName: 'Engines Ltd' },
        contact: { firstName: 'Ada', lastName: 'Lovelace' },
        source: 'webinar',
        convertedAt: RECORDED_AT,
      }),
    );
    expect(conversion.summary).toBe(
      'Lead Ada Lovelace converted: contact c-1, new account Engines Ltd',
    );
    expect(conversion).not.toHaveProperty('dealId');
    expect(conversion).not.toHaveProperty('campaignId');

    const unrelatedTask = entryOf(
      event<TaskScheduled>('TaskScheduled', {
        taskId: 'k-2',
        title: 'Tidy the pipeline',
        dueAt: '2026-02-10T09:00:00.000Z',
        assigneeId: 'user-2',
      }),
    );
    expect(Object.keys(unrelatedTask).filter((key) => key.endsWith('Id'))).toEqual([
      'tenantId',
      'eventId',
      'taskId',
      'actorId',
    ]);
  });

  it.each<[RecordRef['kind'], keyof TimelineLinks]>([
    ['account', 'accountId'],
    ['contact', 'contactId'],
    ['deal', 'dealId'],
    ['ticket', 'ticketId'],
    ['lead', 'leadId'],
    ['campaign', 'campaignId'],
  ])('TaskScheduled related to a %s links the entry by %s', (kind, field) => {
    const entry = entryOf(
      event<TaskScheduled>('TaskScheduled', {
        taskId: 'k-1',
        title: 'Follow up',
        dueAt: '2026-02-10T09:00:00.000Z',
        assigneeId: 'user-2',
        relatedTo: { kind, id: 'r-1' },
      }),
    );
    expect(entry[field]).toBe('r-1');
    expect(entry.taskId).toBe('k-1');
  });

  it('keeps tenants apart: each entry in its own tenant', () => {
    const acme = event<TicketClosed>('TicketClosed', { ticketId: 't-1', closedAt: RECORDED_AT });
    const globex = event<TicketClosed>(
      'TicketClosed',
      { ticketId: 't-1', closedAt: RECORDED_AT },
      { tenantId: 'globex' },
    );
    expect(entryOf(acme)).toMatchObject({ _id: `acme:${acme.id}`, tenantId: 'acme' });
    expect(entryOf(globex)).toMatchObject({ _id: `globex:${globex.id}`, tenantId: 'globex' });
  });

  it('an entry already written is left as it is (a replay writes nothing)', () => {
    const [, projected] = cases[0];
    const entry = entryOf(projected);
    expect(timelineProjection.evolve(entry, projected, entry._id)).toBe(entry);
  });

  it('throws for corrupt data: an unknown kind of related record', () => {
    const corrupt = event<TaskScheduled>('TaskScheduled', {
      taskId: 'k-1',
      title: 'x',
      dueAt: RECORDED_AT,
      assigneeId: 'user-2',
      relatedTo: { kind: 'invoice' as RecordRef['kind'], id: 'inv-1' },
    });
    expect(() => timelineProjection.evolve(undefined, corrupt, `acme:${corrupt.id}`)).toThrow(
      /invoice/,
    );
  });
});
