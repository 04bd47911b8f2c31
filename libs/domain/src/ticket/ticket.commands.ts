import { Command, IsoDateTime } from '../shared';
import { TicketSlaTarget } from './ticket.sla-breach';
import { TicketPriority } from './ticket.sla-policy';

export const TICKET_CHANNELS = ['email', 'phone', 'chat', 'web', 'social'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];
export const TICKET_REPLY_AUTHORS = ['agent', 'customer'] as const;
export type TicketReplyAuthor = (typeof TICKET_REPLY_AUTHORS)[number];

export type OpenTicket = Command<
  'OpenTicket',
  {
    ticketId: string;
    contactId: string;
    accountId?: string;
    channel: TicketChannel;
    priority: TicketPriority;
    subject: string;
    description?: string;
  }
>;
/** `agentId: null` unassigns the ticket. */
export type AssignTicket = Command<'AssignTicket', { ticketId: string; agentId: string | null }>;
export type ReplyToTicket = Command<
  'ReplyToTicket',
  { ticketId: string; author: TicketReplyAuthor; authorId: string; body: string }
>;
export type ChangeTicketPriority = Command<
  'ChangeTicketPriority',
  { ticketId: string; priority: TicketPriority }
>;
export type EscalateTicket = Command<'EscalateTicket', { ticketId: string; reason: string }>;
export type ResolveTicket = Command<'ResolveTicket', { ticketId: string; resolution: string }>;
export type ReopenTicket = Command<'ReopenTicket', { ticketId: string; reason: string }>;
export type CloseTicket = Command<'CloseTicket', { ticketId: string }>;
/**
 * Issued by the system when a target's deadline `dueAt` has passed unmet: the breach becomes a
 * fact rules and reports can use. `dueAt` is the deadline the issuer saw, so a stale view (the
 * priority changed the deadline since) is refused rather than recorded against another one.
 */
export type RecordTicketSlaBreach = Command<
  'RecordTicketSlaBreach',
  { ticketId: string; target: TicketSlaTarget; dueAt: IsoDateTime }
>;

export type TicketCommand =
  | OpenTicket
  | AssignTicket
  | ReplyToTicket
  | ChangeTicketPriority
  | EscalateTicket
  | ResolveTicket
  | ReopenTicket
  | CloseTicket
  | RecordTicketSlaBreach;
