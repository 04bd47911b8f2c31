import { TicketChannel, TicketPriority, TicketStatus } from '@crm/domain';
import { TicketDocument } from '@crm/projections';
import { ReadModels } from '../../read-models';
import { readCollections } from '../read-model-collections';
import { ticketSummary, TicketSummary } from '../record-summaries';
import { definedConditions, KeysetPage, keysetList, ListRequest, ordersOn } from './keyset-list';

export const TICKET_ORDERS = ordersOn<TicketDocument, 'openedAt'>('ticketId', ['openedAt']);

export type TicketListFilter = ListRequest & {
  status?: TicketStatus;
  priority?: TicketPriority;
  channel?: TicketChannel;
  assigneeId?: string;
  contactId?: string;
  accountId?: string;
  /** One of TICKET_ORDERS; the newest first when absent. */
  sort?: keyof typeof TICKET_ORDERS;
};

/** The tenant's tickets matching every filter given, with their SLA at `now`, a page at a time. */
export const listTickets = async (
  readModels: ReadModels,
  tenantId: string,
  request: TicketListFilter,
  now: Date,
): Promise<KeysetPage<TicketSummary>> =>
  keysetList(
    await readCollections(readModels).tickets(),
    {
      tenantId,
      filter: definedConditions({
        status: request.status,
        priority: request.priority,
        channel: request.channel,
        assigneeId: request.assigneeId,
        contactId: request.contactId,
        accountId: request.accountId,
      }),
      order: TICKET_ORDERS[request.sort ?? '-openedAt'],
      view: (ticket) => ticketSummary(ticket, now),
    },
    request,
  );
