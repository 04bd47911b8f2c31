import { Projection } from '../../projection';
import { TicketDocument } from '../tickets/tickets.document';
import { ticketsProjection } from '../tickets/tickets.projection';
import { ticketFigureRows } from './ticket-figure-rows';

/**
 * The ticket report's aggregate rows (`ticket-figure-rows.ts`). Beside the rows, the collection
 * keeps each ticket as the tickets projection does: the runner needs a ticket's previous version
 * to take back what it added to the rows before.
 */
export const ticketFiguresProjection: Projection<TicketDocument> = {
  name: 'ticket-figures',
  version: 1,
  indexes: [{ fields: ['tenantId', 'row'] }],
  handles: ticketsProjection.handles,
  documentIds: ticketsProjection.documentIds,
  evolve: ticketsProjection.evolve,
  rowsOf: ticketFigureRows,
};
