import { TicketEvent } from '@crm/domain';
import { TimelineFacts } from '../timeline-facts';
import { suffix } from '../timeline-wording';

/** How ticket events read on the timeline. */
export const ticketTimeline: TimelineFacts<TicketEvent> = {
  TicketOpened: (event) => {
    const { data } = event;
    return {
      occurredAt: data.openedAt,
      links: { ticketId: data.ticketId, contactId: data.contactId, accountId: data.accountId },
      summary: `Ticket opened (${data.channel}, ${data.priority})${suffix(data.subject)}`,
    };
  },
  TicketAssigned: null,
  TicketUnassigned: null,
  TicketReplied: (event) => {
    const { ticketId, author, body, repliedAt, isFirstResponse } = event.data;
    const who = author === 'agent' ? 'Agent' : 'Customer';
    return {
      occurredAt: repliedAt,
      links: { ticketId },
      summary: `${who} replied${isFirstResponse ? ' (first response)' : ''}${suffix(body)}`,
    };
  },
  TicketPriorityChanged: null,
  TicketEscalated: (event) => {
    const { ticketId, level, reason, escalatedAt } = event.data;
    return {
      occurredAt: escalatedAt,
      links: { ticketId },
      summary: `Ticket escalated to level ${level}${suffix(reason)}`,
    };
  },
  TicketResolved: (event) => {
    return {
      occurredAt: event.data.resolvedAt,
      links: { ticketId: event.data.ticketId },
      summary: `Ticket resolved${suffix(event.data.resolution)}`,
    };
  },
  TicketReopened: (event) => {
    return {
      occurredAt: event.data.reopenedAt,
      links: { ticketId: event.data.ticketId },
      summary: `Ticket reopened${suffix(event.data.reason)}`,
    };
  },
  TicketClosed: (event) => {
    return {
      occurredAt: event.data.closedAt,
      links: { ticketId: event.data.ticketId },
      summary: 'Ticket closed',
    };
  },
  TicketFirstResponseBreached: (event) => ({
    occurredAt: event.data.dueAt,
    links: { ticketId: event.data.ticketId },
    summary: 'First-response SLA breached',
  }),
  TicketResolutionBreached: (event) => ({
    occurredAt: event.data.dueAt,
    links: { ticketId: event.data.ticketId },
    summary: 'Resolution SLA breached',
  }),
};
