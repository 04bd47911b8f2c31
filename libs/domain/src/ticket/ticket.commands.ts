import { Command } from '../shared';
import { TicketPriority } from './ticket.sla-policy';

export type TicketChannel = 'email' | 'phone' | 'chat' | 'web' | 'social';
export type TicketReplyAuthor = 'agent' | 'customer';

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
export type AssignTicket = Command<'AssignTicket', { ticketId: string; agentId: string }>;
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

export type TicketCommand =
  | OpenTicket
  | AssignTicket
  | ReplyToTicket
  | ChangeTicketPriority
  | EscalateTicket
  | ResolveTicket
  | ReopenTicket
  | CloseTicket;
