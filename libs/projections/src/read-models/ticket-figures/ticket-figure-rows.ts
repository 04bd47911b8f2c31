import { TicketPriority } from '@crm/domain';
import { RowContribution, rowIdFor } from '../../projection';
import { TicketDocument } from '../tickets/tickets.document';

/**
 * The aggregate rows of the ticket report:
 * - `priority`: per (current) priority, `open` tickets and targets reached after their deadline
 *   (`firstResponseLate`, `resolutionLate`, as the tickets projection marks them);
 * - `times`: one per tenant, how many tickets have a first reply / a resolution and the sums of
 *   those times in milliseconds (`firstResponseMs`, `resolutionMs`), for the averages.
 * Breaches of targets still pending depend on the moment asked: `ticket-times` answers those.
 */
export type TicketPriorityRowKeys = { tenantId: string; row: 'priority'; priority: TicketPriority };

export type TicketTimesRowKeys = { tenantId: string; row: 'times' };

const flag = (value: boolean): bigint => (value ? 1n : 0n);

const msFromOpening = (ticket: TicketDocument, at: string | undefined): bigint =>
  at === undefined ? 0n : BigInt(Date.parse(at) - Date.parse(ticket.openedAt));

export const ticketFigureRows = (ticket: TicketDocument): RowContribution[] => {
  const { tenantId } = ticket;
  const priority: TicketPriorityRowKeys = { tenantId, row: 'priority', priority: ticket.priority };
  const times: TicketTimesRowKeys = { tenantId, row: 'times' };
  return [
    {
      id: rowIdFor(tenantId, ...Object.values(priority)),
      keys: priority,
      counters: {
        open: flag(ticket.status === 'open'),
        firstResponseLate: flag(ticket._firstResponseLate === true),
        resolutionLate: flag(ticket._resolutionLate === true),
      },
    },
    {
      id: rowIdFor(tenantId, ...Object.values(times)),
      keys: times,
      counters: {
        firstResponses: flag(ticket.firstResponseAt !== undefined),
        firstResponseMs: msFromOpening(ticket, ticket.firstResponseAt),
        resolutions: flag(ticket.resolvedAt !== undefined),
        resolutionMs: msFromOpening(ticket, ticket.resolvedAt),
      },
    },
  ];
};
