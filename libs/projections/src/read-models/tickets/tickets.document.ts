import {
  IsoDateTime,
  TicketChannel,
  TicketPriority,
  TicketSla,
  TicketSlaTarget,
  TicketStatus,
} from '@crm/domain';

/** A missed SLA target as its breach event recorded it. */
export type TicketSlaBreachRecord = {
  target: TicketSlaTarget;
  dueAt: IsoDateTime;
  breachedAt: IsoDateTime;
  priority: TicketPriority;
};

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
  /**
   * Store fields: the deadline from which a target counts as missed while no breach is recorded
   * for it (absent once it is met or recorded). The breach detector queries them by index.
   */
  _firstResponseMissedFrom?: IsoDateTime;
  _resolutionMissedFrom?: IsoDateTime;
  /** Store field: breached at any moment after this one ('' when a target was reached late). */
  _slaBreachedFrom?: IsoDateTime;
  /** The breaches recorded (`TicketFirstResponseBreached`, ...), oldest first; absent before any. */
  slaBreaches?: TicketSlaBreachRecord[];
  /** 0 until the first escalation, then the level of the latest one. */
  escalationLevel: number;
  replyCount: { agent: number; customer: number };
  reopenCount: number;
  /** Time of the latest event on the ticket (its own time, else when it was recorded). */
  lastActivityAt: IsoDateTime;
};
