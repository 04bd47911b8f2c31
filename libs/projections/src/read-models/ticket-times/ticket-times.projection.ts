import { Projection } from '../../projection';
import { ticketsProjection } from '../tickets/tickets.projection';
import { TicketTimeDocument, withTicketTimes } from './ticket-time.document';

/**
 * `ticket-times`: each ticket as the tickets projection keeps it, with its report figures as
 * index fields (`ticket-time.document.ts`): the ticket report reads its medians by rank and counts
 * the pending targets past their deadline at `now` in the index. No rows here: they would lack the
 * index fields (the counts and sums are the rows of `ticket-figures`).
 */
export const ticketTimesProjection: Projection<TicketTimeDocument> = {
  name: 'ticket-times',
  version: 1,
  indexes: [
    { fields: ['tenantId', 'responded', 'firstResponseMs'] },
    { fields: ['tenantId', 'resolved', 'resolutionMs'] },
    { fields: ['tenantId', 'priority', 'pendingFirstResponseDueMs'] },
    { fields: ['tenantId', 'priority', 'pendingResolutionDueMs'] },
  ],
  handles: ticketsProjection.handles,
  documentIds: ticketsProjection.documentIds,
  evolve: (current, event, documentId) => {
    const next = ticketsProjection.evolve(current, event, documentId);
    if (next === undefined || next === null) return next;
    return next === current ? current : withTicketTimes(next);
  },
};
