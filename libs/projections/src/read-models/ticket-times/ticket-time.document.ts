import { TicketDocument } from '../tickets/tickets.document';

/** Stands for "no deadline pending": later than any moment a report is asked at. */
export const NOT_PENDING = Number.MAX_SAFE_INTEGER;

/**
 * A ticket with its report figures as index fields. Every document holds all of them (neutral
 * values where they do not apply): an index whose fields every document holds stays plain, so
 * the embedded store sorts, skips, limits and counts on it in SQL.
 */
export type TicketTimeDocument = TicketDocument & {
  responded: boolean;
  /** Milliseconds from opening to the first agent reply, 0 without one. */
  firstResponseMs: number;
  resolved: boolean;
  /** Milliseconds from opening to the (latest) resolution, 0 without one. */
  resolutionMs: number;
  /**
   * The first-response / resolution deadline (epoch ms) of an open ticket that has not reached
   * the target, else NOT_PENDING: such a target is breached once the deadline is before `now`.
   */
  pendingFirstResponseDueMs: number;
  pendingResolutionDueMs: number;
};

export const withTicketTimes = (ticket: TicketDocument): TicketTimeDocument => {
  const open = ticket.status === 'open';
  const { firstResponseAt, resolvedAt, openedAt } = ticket;
  const msFromOpening = (at: string | undefined): number =>
    at === undefined ? 0 : Date.parse(at) - Date.parse(openedAt);
  return {
    ...ticket,
    responded: firstResponseAt !== undefined,
    firstResponseMs: msFromOpening(firstResponseAt),
    resolved: resolvedAt !== undefined,
    resolutionMs: msFromOpening(resolvedAt),
    pendingFirstResponseDueMs:
      open && firstResponseAt === undefined
        ? Date.parse(ticket.sla.firstResponseDueAt)
        : NOT_PENDING,
    pendingResolutionDueMs: open ? Date.parse(ticket.sla.resolutionDueAt) : NOT_PENDING,
  };
};
