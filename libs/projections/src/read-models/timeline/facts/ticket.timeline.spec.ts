import {
  TicketClosed,
  TicketEscalated,
  TicketFirstResponseBreached,
  TicketOpened,
  TicketReopened,
  TicketReplied,
  TicketResolutionBreached,
  TicketResolved,
} from '@crm/domain';
import {
  expectEntry,
  RECORDED_AT,
  summaryOf,
  TimelineCase,
  timelineEvent as event,
} from '../timeline.test-kit';

const cases: TimelineCase[] = [
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
      sla: {
        priority: 'high',
        firstResponseMinutes: 120,
        resolutionMinutes: 1440,
        firstResponseDueAt: '2026-01-20T12:00:00.000Z',
        resolutionDueAt: '2026-01-21T10:00:00.000Z',
      },
    }),
    {
      occurredAt: '2026-01-20T10:00:00.000Z',
      links: { ticketId: 't-1', contactId: 'c-1', accountId: 'a-1' },
      facts: { channel: 'email', priority: 'high', subject: 'Engine overheats' },
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
      facts: { author: 'agent', isFirstResponse: true, body: 'We are on it.' },
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
      facts: { level: 2, reason: 'key account' },
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
      facts: { resolution: 'replaced the gear' },
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
      facts: { reason: 'still overheating' },
      summary: 'Ticket reopened: still overheating',
    },
  ],
  [
    'TicketClosed',
    event<TicketClosed>('TicketClosed', { ticketId: 't-1', closedAt: '2026-01-22T13:00:00.000Z' }),
    {
      occurredAt: '2026-01-22T13:00:00.000Z',
      links: { ticketId: 't-1' },
      facts: {},
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
      facts: { priority: 'high' },
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
      facts: { priority: 'high' },
      summary: 'Resolution SLA breached',
    },
  ],
];

describe('tickets on the timeline', () => {
  it.each(cases)('%s: its time, links, facts and line', (_type, projected, expected) =>
    expectEntry(projected, expected),
  );

  it('a customer reply that is no first response', () => {
    const reply = event<TicketReplied>('TicketReplied', {
      ticketId: 't-1',
      author: 'customer',
      authorId: 'c-1',
      body: 'Any news?',
      repliedAt: RECORDED_AT,
      isFirstResponse: false,
    });
    expect(summaryOf(reply)).toBe('Customer replied: Any news?');
  });
});
