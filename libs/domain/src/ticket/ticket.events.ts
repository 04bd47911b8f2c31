import { DomainEvent, IsoDateTime } from '../shared';
import { TicketChannel, TicketReplyAuthor } from './ticket.commands';
import { TicketPriority, TicketSla } from './ticket.sla-policy';

export type TicketOpened = DomainEvent<
  'TicketOpened',
  {
    ticketId: string;
    contactId: string;
    accountId?: string;
    channel: TicketChannel;
    priority: TicketPriority;
    subject: string;
    description?: string;
    openedAt: IsoDateTime;
    sla: TicketSla;
  }
>;
export type TicketAssigned = DomainEvent<
  'TicketAssigned',
  { ticketId: string; agentId: string; previousAgentId?: string }
>;
/** The ticket's agent was cleared: nobody is assigned now. */
export type TicketUnassigned = DomainEvent<
  'TicketUnassigned',
  { ticketId: string; previousAgentId: string }
>;
/** `isFirstResponse` is true on the ticket's first agent reply only (the first-response SLA). */
export type TicketReplied = DomainEvent<
  'TicketReplied',
  {
    ticketId: string;
    author: TicketReplyAuthor;
    authorId: string;
    body: string;
    repliedAt: IsoDateTime;
    isFirstResponse: boolean;
  }
>;
/** `sla` is recomputed for the new priority, still counting from the ticket's `openedAt`. */
export type TicketPriorityChanged = DomainEvent<
  'TicketPriorityChanged',
  { ticketId: string; previousPriority: TicketPriority; priority: TicketPriority; sla: TicketSla }
>;
export type TicketEscalated = DomainEvent<
  'TicketEscalated',
  { ticketId: string; level: number; reason: string; escalatedAt: IsoDateTime }
>;
export type TicketResolved = DomainEvent<
  'TicketResolved',
  { ticketId: string; resolution: string; resolvedAt: IsoDateTime }
>;
export type TicketReopened = DomainEvent<
  'TicketReopened',
  { ticketId: string; reason: string; reopenedAt: IsoDateTime }
>;
export type TicketClosed = DomainEvent<'TicketClosed', { ticketId: string; closedAt: IsoDateTime }>;
/**
 * A target missed: `dueAt` passed without it being reached. `breachedAt` is when the miss was
 * recorded (at or after `dueAt`, later if the detector was down); `priority` is the one whose SLA
 * set `dueAt`.
 */
type TicketSlaBreachData = {
  ticketId: string;
  priority: TicketPriority;
  dueAt: IsoDateTime;
  breachedAt: IsoDateTime;
};
export type TicketFirstResponseBreached = DomainEvent<
  'TicketFirstResponseBreached',
  TicketSlaBreachData
>;
export type TicketResolutionBreached = DomainEvent<'TicketResolutionBreached', TicketSlaBreachData>;

export type TicketEvent =
  | TicketOpened
  | TicketAssigned
  | TicketUnassigned
  | TicketReplied
  | TicketPriorityChanged
  | TicketEscalated
  | TicketResolved
  | TicketReopened
  | TicketClosed
  | TicketFirstResponseBreached
  | TicketResolutionBreached;
