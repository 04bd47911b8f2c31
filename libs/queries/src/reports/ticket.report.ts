import { IsoDateTime, TicketPriority } from '@crm/domain';
import { TicketDocument } from '@crm/projections';
import { SlaTargetView, ticketSlaAt } from '../views/ticket-sla';
import { average, median, round2OrNull } from './statistics';

const MS_PER_MINUTE = 60_000;

/** Minutes from opening, to two decimals; null figures when no ticket counts. */
export type MinutesFigures = { count: number; average: number | null; median: number | null };

/** Tickets whose first-response or resolution target is breached. */
export type SlaBreaches = { firstResponse: number; resolution: number };

export type TicketReport = {
  /** Over tickets with a first agent reply. */
  firstResponseMinutes: MinutesFigures;
  /** Over tickets with a (latest) resolution, reopened ones included. */
  resolutionMinutes: MinutesFigures;
  slaBreaches: SlaBreaches;
  /** Open tickets per (current) priority; every priority is present. */
  backlogByPriority: Record<TicketPriority, number>;
  /** `slaBreaches` per (current) priority; every priority is present. */
  slaBreachesByPriority: Record<TicketPriority, SlaBreaches>;
};

export type TicketReportOptions = { now: Date };

/** Typed as a full record, so a new priority fails to compile until it is listed here. */
export const perPriority = <T>(
  make: (priority: TicketPriority) => T,
): Record<TicketPriority, T> => ({
  low: make('low'),
  normal: make('normal'),
  high: make('high'),
  urgent: make('urgent'),
});

const minutesFigures = (
  tickets: readonly TicketDocument[],
  reachedAt: (ticket: TicketDocument) => IsoDateTime | undefined,
): MinutesFigures => {
  const minutes = tickets.flatMap((ticket) => {
    const at = reachedAt(ticket);
    return at === undefined ? [] : [(Date.parse(at) - Date.parse(ticket.openedAt)) / MS_PER_MINUTE];
  });
  return {
    count: minutes.length,
    average: round2OrNull(average(minutes)),
    median: round2OrNull(median(minutes)),
  };
};

/**
 * A target is breached when it was reached after its deadline, or when an open ticket has not
 * reached it and `now` is past the deadline. Targets follow the ticket SLA view (`ticketSlaAt`):
 * a reopened ticket's resolution is pending again, and a ticket closed without a resolution
 * counts as resolved when it was closed.
 */
const isBreached = (ticket: TicketDocument, target: SlaTargetView): boolean =>
  target.state === 'breached' || (target.state === 'pending-breached' && ticket.status === 'open');

/** Response and resolution times, SLA breaches at `now` and the open backlog of a ticket set. */
export const ticketReport = (
  tickets: readonly TicketDocument[],
  options: TicketReportOptions,
): TicketReport => {
  const slaBreaches: SlaBreaches = { firstResponse: 0, resolution: 0 };
  const backlogByPriority = perPriority(() => 0);
  const slaBreachesByPriority = perPriority((): SlaBreaches => ({
    firstResponse: 0,
    resolution: 0,
  }));
  for (const ticket of tickets) {
    const sla = ticketSlaAt(ticket, options.now);
    const byPriority = slaBreachesByPriority[ticket.priority];
    if (isBreached(ticket, sla.firstResponse)) {
      slaBreaches.firstResponse += 1;
      byPriority.firstResponse += 1;
    }
    if (isBreached(ticket, sla.resolution)) {
      slaBreaches.resolution += 1;
      byPriority.resolution += 1;
    }
    if (ticket.status === 'open') backlogByPriority[ticket.priority] += 1;
  }
  return {
    firstResponseMinutes: minutesFigures(tickets, (ticket) => ticket.firstResponseAt),
    resolutionMinutes: minutesFigures(tickets, (ticket) => ticket.resolvedAt),
    slaBreaches,
    backlogByPriority,
    slaBreachesByPriority,
  };
};
