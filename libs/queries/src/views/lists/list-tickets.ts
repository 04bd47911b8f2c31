import { TicketChannel, TicketPriority, TicketStatus } from '@crm/domain';
import { TicketDocument } from '@crm/projections';
import { Filter } from '@crm/read-store';
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
  /** Tickets with an SLA target breached at `now` (true), or none breached (false). */
  slaBreached?: boolean;
  /** One of TICKET_ORDERS; the newest first when absent. */
  sort?: keyof typeof TICKET_ORDERS;
};

/** A ticket whose first response or resolution was late, or is overdue at `now`. */
const breachedAt = (now: Date): Filter[] => {
  const at = now.toISOString();
  return [
    { _firstResponseLate: true },
    { firstResponseAt: { $exists: false }, 'sla.firstResponseDueAt': { $lt: at } },
    { _resolutionLate: true },
    { status: 'open', 'sla.resolutionDueAt': { $lt: at } },
  ];
};

/**
 * Breached: one range on `_slaBreachedFrom` (which the projection keeps as the earliest moment
 * `breachedAt` holds), so an index answers it; not breached: none of `breachedAt`.
 */
const slaConditions = (slaBreached: boolean | undefined, now: Date): Filter =>
  slaBreached === undefined
    ? {}
    : slaBreached
      ? { _slaBreachedFrom: { $lt: now.toISOString() } }
      : { $and: [{ $nor: breachedAt(now) }] };

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
      filter: {
        ...definedConditions({
          status: request.status,
          priority: request.priority,
          channel: request.channel,
          assigneeId: request.assigneeId,
          contactId: request.contactId,
          accountId: request.accountId,
        }),
        ...slaConditions(request.slaBreached, now),
      },
      order: TICKET_ORDERS[request.sort ?? '-openedAt'],
      view: (ticket) => ticketSummary(ticket, now),
    },
    request,
  );
