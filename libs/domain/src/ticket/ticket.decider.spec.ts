import { DeciderSpecification, SPEC_NOW } from '@crm/testing';
import { ticketDecider } from './ticket.decider';
import { TicketEvent } from './ticket.events';
import { computeTicketSla, TICKET_SLA_TARGETS } from './ticket.sla-policy';

const ticketId = 'ticket-1';
const openedAt = '2026-01-14T10:00:00.000Z';
const now = SPEC_NOW.toISOString();
const opened: TicketEvent = {
  type: 'TicketOpened',
  data: {
    ticketId,
    contactId: 'contact-1',
    accountId: 'account-1',
    channel: 'email',
    priority: 'normal',
    subject: 'Cannot export invoices',
    openedAt,
    sla: {
      priority: 'normal',
      firstResponseMinutes: 480,
      resolutionMinutes: 2880,
      firstResponseDueAt: '2026-01-14T18:00:00.000Z',
      resolutionDueAt: '2026-01-16T10:00:00.000Z',
    },
  },
};
const assigned: TicketEvent = { type: 'TicketAssigned', data: { ticketId, agentId: 'agent-1' } };
const firstRepliedAt = '2026-01-14T11:00:00.000Z';
const agentReplied: TicketEvent = {
  type: 'TicketReplied',
  data: {
    ticketId,
    author: 'agent',
    authorId: 'agent-1',
    body: 'Looking into it',
    repliedAt: firstRepliedAt,
    isFirstResponse: true,
  },
};
const escalated: TicketEvent = {
  type: 'TicketEscalated',
  data: { ticketId, level: 1, reason: 'VIP customer', escalatedAt: '2026-01-14T12:00:00.000Z' },
};
const resolved: TicketEvent = {
  type: 'TicketResolved',
  data: { ticketId, resolution: 'Export fixed', resolvedAt: '2026-01-14T15:00:00.000Z' },
};
const reopened: TicketEvent = {
  type: 'TicketReopened',
  data: { ticketId, reason: 'Still broken', reopenedAt: '2026-01-14T16:00:00.000Z' },
};
const closed: TicketEvent = {
  type: 'TicketClosed',
  data: { ticketId, closedAt: '2026-01-14T17:00:00.000Z' },
};
const spec = DeciderSpecification.for(ticketDecider);

describe('Ticket SLA policy', () => {
  it('holds the first-response and resolution targets per priority', () =>
    expect(TICKET_SLA_TARGETS).toEqual({
      low: { firstResponseMinutes: 1440, resolutionMinutes: 7200 },
      normal: { firstResponseMinutes: 480, resolutionMinutes: 2880 },
      high: { firstResponseMinutes: 120, resolutionMinutes: 1440 },
      urgent: { firstResponseMinutes: 30, resolutionMinutes: 480 },
    }));

  it('computes the deadlines from the opening time', () =>
    expect(computeTicketSla('2026-01-15T23:45:00.000Z', 'urgent')).toEqual({
      priority: 'urgent',
      firstResponseMinutes: 30,
      resolutionMinutes: 480,
      firstResponseDueAt: '2026-01-16T00:15:00.000Z',
      resolutionDueAt: '2026-01-16T07:45:00.000Z',
    }));
});

describe('Ticket decider', () => {
  describe('OpenTicket', () => {
    it('opens a ticket at the current time with the SLA of its priority', () =>
      spec
        .given([])
        .when({
          type: 'OpenTicket',
          data: {
            ticketId,
            contactId: 'contact-1',
            channel: 'phone',
            priority: 'high',
            subject: 'Site down',
            description: 'Since 9am',
          },
        })
        .then([
          {
            type: 'TicketOpened',
            data: {
              ticketId,
              contactId: 'contact-1',
              channel: 'phone',
              priority: 'high',
              subject: 'Site down',
              description: 'Since 9am',
              openedAt: now,
              sla: {
                priority: 'high',
                firstResponseMinutes: 120,
                resolutionMinutes: 1440,
                firstResponseDueAt: '2026-01-15T12:00:00.000Z',
                resolutionDueAt: '2026-01-16T10:00:00.000Z',
              },
            },
          },
        ]));

    it('opens a ticket for an account', () =>
      spec
        .given([])
        .when(
          {
            type: 'OpenTicket',
            data: {
              ticketId,
              contactId: 'contact-1',
              accountId: 'account-1',
              channel: 'email',
              priority: 'normal',
              subject: 'Cannot export invoices',
            },
          },
          new Date(openedAt),
        )
        .then([opened]));

    it('refuses a ticket id that already exists', () =>
      spec
        .given([opened])
        .when({
          type: 'OpenTicket',
          data: {
            ticketId,
            contactId: 'contact-2',
            channel: 'chat',
            priority: 'low',
            subject: 'Another one',
          },
        })
        .thenThrows('TICKET_ALREADY_EXISTS', 'already_exists'));
  });

  describe('AssignTicket', () => {
    it('unassigns with a null agent, naming who had it', () =>
      spec
        .given([opened, assigned])
        .when({ type: 'AssignTicket', data: { ticketId, agentId: null } })
        .then([{ type: 'TicketUnassigned', data: { ticketId, previousAgentId: 'agent-1' } }]));

    it('records nothing when an unassigned ticket is unassigned', () =>
      spec
        .given([opened])
        .when({ type: 'AssignTicket', data: { ticketId, agentId: null } })
        .thenNothingHappens());

    it('assigns an unassigned ticket', () =>
      spec
        .given([opened])
        .when({ type: 'AssignTicket', data: { ticketId, agentId: 'agent-1' } })
        .then([assigned]));

    it('reassigns a ticket and remembers the previous agent', () =>
      spec
        .given([opened, assigned])
        .when({ type: 'AssignTicket', data: { ticketId, agentId: 'agent-2' } })
        .then([
          {
            type: 'TicketAssigned',
            data: { ticketId, agentId: 'agent-2', previousAgentId: 'agent-1' },
          },
        ]));

    it('records nothing when the agent already has the ticket', () =>
      spec
        .given([opened, assigned])
        .when({ type: 'AssignTicket', data: { ticketId, agentId: 'agent-1' } })
        .thenNothingHappens());

    it('accepts a reopened ticket', () =>
      spec
        .given([opened, resolved, reopened])
        .when({ type: 'AssignTicket', data: { ticketId, agentId: 'agent-1' } })
        .then([assigned]));

    it('refuses an unknown ticket', () =>
      spec
        .given([])
        .when({ type: 'AssignTicket', data: { ticketId, agentId: 'agent-1' } })
        .thenThrows('TICKET_NOT_FOUND', 'not_found'));

    it('refuses a resolved ticket', () =>
      spec
        .given([opened, resolved])
        .when({ type: 'AssignTicket', data: { ticketId, agentId: 'agent-1' } })
        .thenThrows('TICKET_RESOLVED', 'rule'));

    it('refuses a closed ticket', () =>
      spec
        .given([opened, closed])
        .when({ type: 'AssignTicket', data: { ticketId, agentId: 'agent-1' } })
        .thenThrows('TICKET_CLOSED', 'rule'));
  });

  describe('ReplyToTicket', () => {
    const agentReply = {
      ticketId,
      author: 'agent' as const,
      authorId: 'agent-1',
      body: 'Looking into it',
    };
    const customerReply = {
      ticketId,
      author: 'customer' as const,
      authorId: 'contact-1',
      body: 'Any news?',
    };

    it('marks the first agent reply as the first response', () =>
      spec
        .given([opened])
        .when({ type: 'ReplyToTicket', data: agentReply }, new Date(firstRepliedAt))
        .then([agentReplied]));

    it('never counts a customer reply as a first response', () =>
      spec
        .given([opened])
        .when({ type: 'ReplyToTicket', data: customerReply })
        .then([
          {
            type: 'TicketReplied',
            data: { ...customerReply, repliedAt: now, isFirstResponse: false },
          },
        ]));

    it('counts the first agent reply after customer replies as the first response', () =>
      spec
        .given([
          opened,
          {
            type: 'TicketReplied',
            data: { ...customerReply, repliedAt: openedAt, isFirstResponse: false },
          },
        ])
        .when({ type: 'ReplyToTicket', data: agentReply })
        .then([
          { type: 'TicketReplied', data: { ...agentReply, repliedAt: now, isFirstResponse: true } },
        ]));

    it('does not count later agent replies, even after a reopening', () =>
      spec
        .given([opened, agentReplied, resolved, reopened])
        .when({ type: 'ReplyToTicket', data: { ...agentReply, authorId: 'agent-2' } })
        .then([
          {
            type: 'TicketReplied',
            data: { ...agentReply, authorId: 'agent-2', repliedAt: now, isFirstResponse: false },
          },
        ]));

    it('refuses an unknown ticket', () =>
      spec
        .given([])
        .when({ type: 'ReplyToTicket', data: agentReply })
        .thenThrows('TICKET_NOT_FOUND', 'not_found'));

    it('refuses a resolved ticket', () =>
      spec
        .given([opened, resolved])
        .when({ type: 'ReplyToTicket', data: customerReply })
        .thenThrows('TICKET_RESOLVED', 'rule'));

    it('refuses a closed ticket', () =>
      spec
        .given([opened, resolved, closed])
        .when({ type: 'ReplyToTicket', data: customerReply })
        .thenThrows('TICKET_CLOSED', 'rule'));
  });

  describe('ChangeTicketPriority', () => {
    it('recomputes the SLA from the original opening time', () =>
      spec
        .given([opened])
        .when({ type: 'ChangeTicketPriority', data: { ticketId, priority: 'urgent' } })
        .then([
          {
            type: 'TicketPriorityChanged',
            data: {
              ticketId,
              previousPriority: 'normal',
              priority: 'urgent',
              sla: {
                priority: 'urgent',
                firstResponseMinutes: 30,
                resolutionMinutes: 480,
                firstResponseDueAt: '2026-01-14T10:30:00.000Z',
                resolutionDueAt: '2026-01-14T18:00:00.000Z',
              },
            },
          },
        ]));

    it('starts from the priority set by an earlier change', () =>
      spec
        .given([
          opened,
          {
            type: 'TicketPriorityChanged',
            data: {
              ticketId,
              previousPriority: 'normal',
              priority: 'urgent',
              sla: computeTicketSla(openedAt, 'urgent'),
            },
          },
        ])
        .when({ type: 'ChangeTicketPriority', data: { ticketId, priority: 'low' } })
        .then([
          {
            type: 'TicketPriorityChanged',
            data: {
              ticketId,
              previousPriority: 'urgent',
              priority: 'low',
              sla: {
                priority: 'low',
                firstResponseMinutes: 1440,
                resolutionMinutes: 7200,
                firstResponseDueAt: '2026-01-15T10:00:00.000Z',
                resolutionDueAt: '2026-01-19T10:00:00.000Z',
              },
            },
          },
        ]));

    it('records nothing when the priority does not change', () =>
      spec
        .given([opened])
        .when({ type: 'ChangeTicketPriority', data: { ticketId, priority: 'normal' } })
        .thenNothingHappens());

    it('refuses an unknown ticket', () =>
      spec
        .given([])
        .when({ type: 'ChangeTicketPriority', data: { ticketId, priority: 'high' } })
        .thenThrows('TICKET_NOT_FOUND', 'not_found'));

    it('refuses a resolved ticket', () =>
      spec
        .given([opened, resolved])
        .when({ type: 'ChangeTicketPriority', data: { ticketId, priority: 'high' } })
        .thenThrows('TICKET_RESOLVED', 'rule'));

    it('refuses a closed ticket', () =>
      spec
        .given([opened, closed])
        .when({ type: 'ChangeTicketPriority', data: { ticketId, priority: 'high' } })
        .thenThrows('TICKET_CLOSED', 'rule'));
  });

  describe('EscalateTicket', () => {
    it('escalates to level 1 first', () =>
      spec
        .given([opened])
        .when({ type: 'EscalateTicket', data: { ticketId, reason: 'VIP customer' } })
        .then([
          {
            type: 'TicketEscalated',
            data: { ticketId, level: 1, reason: 'VIP customer', escalatedAt: now },
          },
        ]));

    it('raises the level with each escalation', () =>
      spec
        .given([opened, escalated])
        .when({ type: 'EscalateTicket', data: { ticketId, reason: 'No fix in sight' } })
        .then([
          {
            type: 'TicketEscalated',
            data: { ticketId, level: 2, reason: 'No fix in sight', escalatedAt: now },
          },
        ]));

    it('refuses an unknown ticket', () =>
      spec
        .given([])
        .when({ type: 'EscalateTicket', data: { ticketId, reason: 'VIP customer' } })
        .thenThrows('TICKET_NOT_FOUND', 'not_found'));

    it('refuses a resolved ticket', () =>
      spec
        .given([opened, resolved])
        .when({ type: 'EscalateTicket', data: { ticketId, reason: 'VIP customer' } })
        .thenThrows('TICKET_RESOLVED', 'rule'));

    it('refuses a closed ticket', () =>
      spec
        .given([opened, closed])
        .when({ type: 'EscalateTicket', data: { ticketId, reason: 'VIP customer' } })
        .thenThrows('TICKET_CLOSED', 'rule'));
  });

  describe('ResolveTicket', () => {
    it('resolves an open ticket', () =>
      spec
        .given([opened, assigned, agentReplied])
        .when({ type: 'ResolveTicket', data: { ticketId, resolution: 'Export fixed' } })
        .then([
          {
            type: 'TicketResolved',
            data: { ticketId, resolution: 'Export fixed', resolvedAt: now },
          },
        ]));

    it('resolves a reopened ticket', () =>
      spec
        .given([opened, resolved, reopened])
        .when({ type: 'ResolveTicket', data: { ticketId, resolution: 'Fixed for real' } })
        .then([
          {
            type: 'TicketResolved',
            data: { ticketId, resolution: 'Fixed for real', resolvedAt: now },
          },
        ]));

    it('refuses an unknown ticket', () =>
      spec
        .given([])
        .when({ type: 'ResolveTicket', data: { ticketId, resolution: 'Export fixed' } })
        .thenThrows('TICKET_NOT_FOUND', 'not_found'));

    it('refuses a ticket already resolved', () =>
      spec
        .given([opened, resolved])
        .when({ type: 'ResolveTicket', data: { ticketId, resolution: 'Export fixed' } })
        .thenThrows('TICKET_RESOLVED', 'rule'));

    it('refuses a closed ticket', () =>
      spec
        .given([opened, closed])
        .when({ type: 'ResolveTicket', data: { ticketId, resolution: 'Export fixed' } })
        .thenThrows('TICKET_CLOSED', 'rule'));
  });

  describe('ReopenTicket', () => {
    it('reopens a resolved ticket', () =>
      spec
        .given([opened, resolved])
        .when({ type: 'ReopenTicket', data: { ticketId, reason: 'Still broken' } })
        .then([
          { type: 'TicketReopened', data: { ticketId, reason: 'Still broken', reopenedAt: now } },
        ]));

    it('refuses an unknown ticket', () =>
      spec
        .given([])
        .when({ type: 'ReopenTicket', data: { ticketId, reason: 'Still broken' } })
        .thenThrows('TICKET_NOT_FOUND', 'not_found'));

    it('refuses an open ticket', () =>
      spec
        .given([opened])
        .when({ type: 'ReopenTicket', data: { ticketId, reason: 'Still broken' } })
        .thenThrows('TICKET_NOT_RESOLVED', 'rule'));

    it('refuses a ticket already reopened', () =>
      spec
        .given([opened, resolved, reopened])
        .when({ type: 'ReopenTicket', data: { ticketId, reason: 'Still broken' } })
        .thenThrows('TICKET_NOT_RESOLVED', 'rule'));

    it('refuses a closed ticket', () =>
      spec
        .given([opened, resolved, closed])
        .when({ type: 'ReopenTicket', data: { ticketId, reason: 'Still broken' } })
        .thenThrows('TICKET_CLOSED', 'rule'));
  });

  describe('CloseTicket', () => {
    it('closes an open ticket', () =>
      spec
        .given([opened])
        .when({ type: 'CloseTicket', data: { ticketId } })
        .then([{ type: 'TicketClosed', data: { ticketId, closedAt: now } }]));

    it('closes a resolved ticket', () =>
      spec
        .given([opened, resolved])
        .when({ type: 'CloseTicket', data: { ticketId } })
        .then([{ type: 'TicketClosed', data: { ticketId, closedAt: now } }]));

    it('refuses an unknown ticket', () =>
      spec
        .given([])
        .when({ type: 'CloseTicket', data: { ticketId } })
        .thenThrows('TICKET_NOT_FOUND', 'not_found'));

    it('refuses a ticket already closed', () =>
      spec
        .given([opened, closed])
        .when({ type: 'CloseTicket', data: { ticketId } })
        .thenThrows('TICKET_CLOSED', 'rule'));
  });
});
