import { TicketDocument } from '@crm/projections';
import { compareText } from './compare';
import { ticketSummary, TicketSummary } from './record-summaries';
import { timeOf } from './time-spans';

/** The open tickets among `tickets`, the one whose resolution is due first on top. */
export const openTicketSummaries = (
  tickets: readonly TicketDocument[],
  now: Date,
): TicketSummary[] =>
  tickets
    .filter((ticket) => ticket.status === 'open')
    .sort(
      (a, b) =>
        timeOf(a.sla.resolutionDueAt) - timeOf(b.sla.resolutionDueAt) ||
        compareText(a.ticketId, b.ticketId),
    )
    .map((ticket) => ticketSummary(ticket, now));
