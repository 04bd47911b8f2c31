import { TicketEvent } from '@crm/domain';
import { keptOptionalText, TimelineFacts } from '../timeline-facts';
import { suffix, Wording } from '../timeline-wording';

/** What ticket events keep for their timeline lines. */
export type TicketFacts = {
  TicketOpened: { channel: string; priority: string; subject?: string };
  TicketReplied: { author: string; isFirstResponse: boolean; body?: string };
  TicketEscalated: { level: number; reason?: string };
  TicketResolved: { resolution?: string };
  TicketReopened: { reason?: string };
  TicketClosed: Record<string, never>;
  TicketFirstResponseBreached: { priority: string };
  TicketResolutionBreached: { priority: string };
};

/** Which ticket events are on the timeline, and their facts. */
export const ticketTimeline: TimelineFacts<TicketEvent, TicketFacts> = {
  TicketOpened: (event) => {
    const { ticketId, contactId, accountId, channel, priority, subject, openedAt } = event.data;
    return {
      occurredAt: openedAt,
      links: { ticketId, contactId, accountId },
      facts: { channel, priority, subject: keptOptionalText(subject) },
    };
  },
  TicketAssigned: null,
  TicketUnassigned: null,
  TicketReplied: (event) => {
    const { ticketId, author, body, repliedAt, isFirstResponse } = event.data;
    return {
      occurredAt: repliedAt,
      links: { ticketId },
      facts: { author, isFirstResponse, body: keptOptionalText(body) },
    };
  },
  TicketPriorityChanged: null,
  TicketEscalated: (event) => {
    const { ticketId, level, reason, escalatedAt } = event.data;
    return {
      occurredAt: escalatedAt,
      links: { ticketId },
      facts: { level, reason: keptOptionalText(reason) },
    };
  },
  TicketResolved: (event) => {
    return {
      occurredAt: event.data.resolvedAt,
      links: { ticketId: event.data.ticketId },
      facts: { resolution: keptOptionalText(event.data.resolution) },
    };
  },
  TicketReopened: (event) => {
    return {
      occurredAt: event.data.reopenedAt,
      links: { ticketId: event.data.ticketId },
      facts: { reason: keptOptionalText(event.data.reason) },
    };
  },
  TicketClosed: (event) => {
    return { occurredAt: event.data.closedAt, links: { ticketId: event.data.ticketId }, facts: {} };
  },
  TicketFirstResponseBreached: (event) => ({
    occurredAt: event.data.dueAt,
    links: { ticketId: event.data.ticketId },
    facts: { priority: event.data.priority },
  }),
  TicketResolutionBreached: (event) => ({
    occurredAt: event.data.dueAt,
    links: { ticketId: event.data.ticketId },
    facts: { priority: event.data.priority },
  }),
};

/** How each fact reads, worded when the timeline is read: a wording change needs no rebuild. */
export const ticketWording: Wording<TicketFacts> = {
  TicketOpened: ({ channel, priority, subject }) =>
    `Ticket opened (${channel}, ${priority})${suffix(subject)}`,
  TicketReplied: ({ author, isFirstResponse, body }) =>
    `${author === 'agent' ? 'Agent' : 'Customer'} replied${
      isFirstResponse ? ' (first response)' : ''
    }${suffix(body)}`,
  TicketEscalated: ({ level, reason }) => `Ticket escalated to level ${level}${suffix(reason)}`,
  TicketResolved: ({ resolution }) => `Ticket resolved${suffix(resolution)}`,
  TicketReopened: ({ reason }) => `Ticket reopened${suffix(reason)}`,
  TicketClosed: () => 'Ticket closed',
  TicketFirstResponseBreached: () => 'First-response SLA breached',
  TicketResolutionBreached: () => 'Resolution SLA breached',
};
