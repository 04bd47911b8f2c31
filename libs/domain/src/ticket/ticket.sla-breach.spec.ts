import { DeciderSpecification, SPEC_NOW } from '@crm/testing';
import { RecordTicketSlaBreach } from './ticket.commands';
import { ticketDecider } from './ticket.decider';
import { TicketEvent } from './ticket.events';
import { TicketSlaTarget } from './ticket.sla-breach';
import { computeTicketSla } from './ticket.sla-policy';

const ticketId = 'ticket-1';
const openedAt = '2026-01-14T10:00:00.000Z';
/** Normal priority: the first response is due at 18:00 the same day, the resolution two days on. */
const firstResponseDueAt = '2026-01-14T18:00:00.000Z';
const resolutionDueAt = '2026-01-16T10:00:00.000Z';
const afterResolutionDue = new Date('2026-01-16T10:00:01.000Z');

const opened: TicketEvent = {
  type: 'TicketOpened',
  data: {
    ticketId,
    contactId: 'contact-1',
    channel: 'email',
    priority: 'normal',
    subject: 'Cannot export invoices',
    openedAt,
    sla: computeTicketSla(openedAt, 'normal'),
  },
};
const agentRepliedAt = (repliedAt: string): TicketEvent => ({
  type: 'TicketReplied',
  data: {
    ticketId,
    author: 'agent',
    authorId: 'agent-1',
    body: 'Looking into it',
    repliedAt,
    isFirstResponse: true,
  },
});
const resolvedAt = (at: string): TicketEvent => ({
  type: 'TicketResolved',
  data: { ticketId, resolution: 'Export fixed', resolvedAt: at },
});
const reopenedAt = (at: string): TicketEvent => ({
  type: 'TicketReopened',
  data: { ticketId, reason: 'Still broken', reopenedAt: at },
});
const closedAt = (at: string): TicketEvent => ({
  type: 'TicketClosed',
  data: { ticketId, closedAt: at },
});
const priorityChanged = (
  from: 'normal' | 'high' | 'low',
  to: 'normal' | 'high' | 'low',
): TicketEvent => ({
  type: 'TicketPriorityChanged',
  data: {
    ticketId,
    previousPriority: from,
    priority: to,
    sla: computeTicketSla(openedAt, to),
  },
});
const record = (
  target: TicketSlaTarget,
  dueAt: string,
): Omit<RecordTicketSlaBreach, 'metadata'> => ({
  type: 'RecordTicketSlaBreach',
  data: { ticketId, target, dueAt },
});
const firstResponseBreached = (
  dueAt: string,
  breachedAt: Date = SPEC_NOW,
  priority: 'normal' | 'high' | 'low' = 'normal',
): TicketEvent => ({
  type: 'TicketFirstResponseBreached',
  data: { ticketId, priority, dueAt, breachedAt: breachedAt.toISOString() },
});
const resolutionBreached = (breachedAt: Date): TicketEvent => ({
  type: 'TicketResolutionBreached',
  data: {
    ticketId,
    priority: 'normal',
    dueAt: resolutionDueAt,
    breachedAt: breachedAt.toISOString(),
  },
});

const spec = DeciderSpecification.for(ticketDecider);

describe('Ticket decider: RecordTicketSlaBreach', () => {
  describe('first response', () => {
    it('records the breach once the deadline has passed without an agent reply', () =>
      spec
        .given([opened])
        .when(record('first-response', firstResponseDueAt))
        .then([firstResponseBreached(firstResponseDueAt)]));

    it('refuses it while the deadline is still ahead, and at the deadline itself', () => {
      spec
        .given([opened])
        .when(record('first-response', firstResponseDueAt), new Date('2026-01-14T17:59:00.000Z'))
        .thenThrows('TICKET_SLA_NOT_BREACHED', 'rule');
      spec
        .given([opened])
        .when(record('first-response', firstResponseDueAt), new Date(firstResponseDueAt))
        .thenThrows('TICKET_SLA_NOT_BREACHED', 'rule');
    });

    it('refuses it when the agent replied in time', () =>
      spec
        .given([opened, agentRepliedAt('2026-01-14T17:00:00.000Z')])
        .when(record('first-response', firstResponseDueAt))
        .thenThrows('TICKET_SLA_NOT_BREACHED', 'rule'));

    it('records it when the reply came after the deadline (the detector was down meanwhile)', () =>
      spec
        .given([opened, agentRepliedAt('2026-01-14T19:00:00.000Z')])
        .when(record('first-response', firstResponseDueAt))
        .then([firstResponseBreached(firstResponseDueAt)]));

    it('refuses it for a ticket resolved without a reply before the deadline', () =>
      spec
        .given([opened, resolvedAt('2026-01-14T12:00:00.000Z')])
        .when(record('first-response', firstResponseDueAt))
        .thenThrows('TICKET_SLA_NOT_BREACHED', 'rule'));

    it('records it for a ticket closed unanswered after the deadline: a fact about the past', () =>
      spec
        .given([opened, closedAt('2026-01-14T20:00:00.000Z')])
        .when(record('first-response', firstResponseDueAt))
        .then([firstResponseBreached(firstResponseDueAt)]));

    it('records nothing the second time for the same deadline', () =>
      spec
        .given([opened, firstResponseBreached(firstResponseDueAt)])
        .when(record('first-response', firstResponseDueAt), afterResolutionDue)
        .thenNothingHappens());
  });

  describe('priority changes', () => {
    it('refuses a deadline the priority change replaced, and takes the new one', () => {
      const highDueAt = '2026-01-14T12:00:00.000Z';
      spec
        .given([opened, priorityChanged('normal', 'high')])
        .when(record('first-response', firstResponseDueAt))
        .thenThrows('TICKET_SLA_NOT_BREACHED', 'rule');
      spec
        .given([opened, priorityChanged('normal', 'high')])
        .when(record('first-response', highDueAt))
        .then([firstResponseBreached(highDueAt, SPEC_NOW, 'high')]);
    });

    it('records the later deadline a lowered priority sets once it passes too', () => {
      const lowDueAt = '2026-01-15T10:00:00.000Z';
      const given = [
        opened,
        firstResponseBreached(firstResponseDueAt),
        priorityChanged('normal', 'low'),
      ];
      spec
        .given(given)
        .when(record('first-response', lowDueAt))
        .thenThrows('TICKET_SLA_NOT_BREACHED', 'rule');
      spec
        .given(given)
        .when(record('first-response', lowDueAt), afterResolutionDue)
        .then([firstResponseBreached(lowDueAt, afterResolutionDue, 'low')]);
    });

    it('does not record a deadline twice when the priority comes back to it', () =>
      spec
        .given([
          opened,
          firstResponseBreached(firstResponseDueAt),
          priorityChanged('normal', 'high'),
          priorityChanged('high', 'normal'),
        ])
        .when(record('first-response', firstResponseDueAt))
        .thenNothingHappens());
  });

  describe('resolution', () => {
    it('records the breach of an open ticket past its deadline', () =>
      spec
        .given([opened])
        .when(record('resolution', resolutionDueAt), afterResolutionDue)
        .then([resolutionBreached(afterResolutionDue)]));

    it('refuses it before the deadline', () =>
      spec
        .given([opened])
        .when(record('resolution', resolutionDueAt))
        .thenThrows('TICKET_SLA_NOT_BREACHED', 'rule'));

    it('refuses it for a ticket resolved in time', () =>
      spec
        .given([opened, resolvedAt('2026-01-15T09:00:00.000Z')])
        .when(record('resolution', resolutionDueAt), afterResolutionDue)
        .thenThrows('TICKET_SLA_NOT_BREACHED', 'rule'));

    it('records it for a ticket resolved in time but reopened and still open at the deadline', () =>
      spec
        .given([
          opened,
          resolvedAt('2026-01-15T09:00:00.000Z'),
          reopenedAt('2026-01-15T09:30:00.000Z'),
        ])
        .when(record('resolution', resolutionDueAt), afterResolutionDue)
        .then([resolutionBreached(afterResolutionDue)]));

    it('records it for a ticket resolved after the deadline', () =>
      spec
        .given([opened, resolvedAt('2026-01-16T11:00:00.000Z')])
        .when(record('resolution', resolutionDueAt), new Date('2026-01-16T12:00:00.000Z'))
        .then([resolutionBreached(new Date('2026-01-16T12:00:00.000Z'))]));

    it('records nothing the second time, reopened or not', () =>
      spec
        .given([
          opened,
          resolutionBreached(afterResolutionDue),
          resolvedAt('2026-01-16T11:00:00.000Z'),
          reopenedAt('2026-01-16T11:30:00.000Z'),
        ])
        .when(record('resolution', resolutionDueAt), new Date('2026-01-16T12:00:00.000Z'))
        .thenNothingHappens());
  });

  it('refuses a ticket that does not exist', () =>
    spec
      .given([])
      .when(record('resolution', resolutionDueAt))
      .thenThrows('TICKET_NOT_FOUND', 'not_found'));
});
