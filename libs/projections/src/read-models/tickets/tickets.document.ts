import { IsoDateTime, TicketChannel, TicketPriority, TicketSla, TicketStatus } from '@crm/domain';

/** One support ticket, for the ticket lists, the ticket detail page and SLA reports. */
export type TicketDocument = {
  _id: string;
  tenantId: string;
  ticketId: string;
  contactId: string;
  accountId?: string;
  channel: TicketChannel;
  priority: TicketPriority;
  subject: string;
  status: TicketStatus;
  assigneeId?: string;
  openedAt: IsoDateTime;
  /**
   * The targets and deadlines as the events recorded them (recomputed, still from `openedAt`, when
   * the priority changes). Whether a deadline is breached now is for queries to work out.
   */
  sla: TicketSla;
  /** The first agent reply. */
  firstResponseAt?: IsoDateTime;
  /** When the ticket was resolved; absent while it is open, a reopened one included. */
  resolvedAt?: IsoDateTime;
  closedAt?: IsoDateTime;
  /** Store fields (never in an answer): a target reached after its deadline. */
  _firstResponseLate?: true;
  _resolutionLate?: true;
  /** 0 until the first escalation, then the level of the latest one. */
  escalationLevel: number;
  replyCount: { agent: number; customer: number };
  reopenCount: number;
  /** Time of the latest event on the ticket (its own time, else when it was recorded). */
  lastActivityAt: IsoDateTime;
};
