import { IsoDateTime } from '@crm/domain';
import { TicketDocument } from './tickets.document';

/** Before every ISO time: a target reached late has breached the ticket at any moment. */
const ALWAYS = '';

/**
 * From when the ticket counts as SLA-breached, as the breached-tickets list asks it: a target
 * reached late ('' then), a first response still missing past its deadline, or an open ticket
 * past its resolution deadline. The earliest of those (compared as text, as the list compares
 * deadlines with `now`), so "breached at `now`" is one range on one indexed field:
 * `_slaBreachedFrom < now`. Undefined when nothing can breach the ticket any more.
 */
export const slaBreachedFrom = (
  ticket: Pick<TicketDocument, 'status' | 'sla' | 'firstResponseAt'>,
  late: { firstResponse: boolean; resolution: boolean },
): IsoDateTime | undefined => {
  if (late.firstResponse || late.resolution) return ALWAYS;
  const pending = [
    ...(ticket.firstResponseAt === undefined ? [ticket.sla.firstResponseDueAt] : []),
    ...(ticket.status === 'open' ? [ticket.sla.resolutionDueAt] : []),
  ];
  return pending.reduce<IsoDateTime | undefined>(
    (earliest, dueAt) => (earliest === undefined || dueAt < earliest ? dueAt : earliest),
    undefined,
  );
};
