import { IsoDateTime } from '@crm/domain';
import { TicketDocument } from '@crm/projections';
import { timeOf } from './time-spans';

/**
 * Where one SLA target stands: `met` / `breached` once the ticket answered (or was resolved),
 * before that `pending-ok` while the deadline is still ahead of `now`, else `pending-breached`.
 */
export type SlaState = 'met' | 'breached' | 'pending-ok' | 'pending-breached';

export type SlaTargetView = {
  state: SlaState;
  dueAt: IsoDateTime;
  /** When the target was reached (the first agent reply, the resolution); absent while pending. */
  reachedAt?: IsoDateTime;
};

export type TicketSlaView = { firstResponse: SlaTargetView; resolution: SlaTargetView };

const targetState = (
  dueAt: IsoDateTime,
  reachedAt: IsoDateTime | undefined,
  now: Date,
): SlaTargetView => {
  if (reachedAt !== undefined) {
    return { state: timeOf(reachedAt) <= timeOf(dueAt) ? 'met' : 'breached', dueAt, reachedAt };
  }
  return { state: now.getTime() <= timeOf(dueAt) ? 'pending-ok' : 'pending-breached', dueAt };
};

/**
 * The ticket's SLA at `now`. A reopened ticket is open again: its resolution is pending, the
 * earlier resolution no longer counts. A ticket closed without a resolution counts as resolved
 * when it was closed.
 */
export const ticketSlaAt = (ticket: TicketDocument, now: Date): TicketSlaView => {
  const resolvedAt = ticket.status === 'open' ? undefined : (ticket.resolvedAt ?? ticket.closedAt);
  return {
    firstResponse: targetState(ticket.sla.firstResponseDueAt, ticket.firstResponseAt, now),
    resolution: targetState(ticket.sla.resolutionDueAt, resolvedAt, now),
  };
};
