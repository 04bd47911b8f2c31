import { IsoDateTime } from '../shared';

export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';

export type TicketSlaTargets = { firstResponseMinutes: number; resolutionMinutes: number };

/** Minutes allowed, from opening, for the first agent reply and for the resolution. */
export const TICKET_SLA_TARGETS: Readonly<Record<TicketPriority, Readonly<TicketSlaTargets>>> = {
  low: { firstResponseMinutes: 1440, resolutionMinutes: 7200 },
  normal: { firstResponseMinutes: 480, resolutionMinutes: 2880 },
  high: { firstResponseMinutes: 120, resolutionMinutes: 1440 },
  urgent: { firstResponseMinutes: 30, resolutionMinutes: 480 },
};

/** The targets a ticket is held to, with their deadlines, as recorded in its events. */
export type TicketSla = TicketSlaTargets & {
  priority: TicketPriority;
  firstResponseDueAt: IsoDateTime;
  resolutionDueAt: IsoDateTime;
};

const MS_PER_MINUTE = 60_000;

const addMinutes = (at: IsoDateTime, minutes: number): IsoDateTime =>
  new Date(Date.parse(at) + minutes * MS_PER_MINUTE).toISOString();

/** The SLA of a ticket opened at `openedAt` with `priority`: deadlines always count from opening. */
export const computeTicketSla = (openedAt: IsoDateTime, priority: TicketPriority): TicketSla => {
  const { firstResponseMinutes, resolutionMinutes } = TICKET_SLA_TARGETS[priority];
  return {
    priority,
    firstResponseMinutes,
    resolutionMinutes,
    firstResponseDueAt: addMinutes(openedAt, firstResponseMinutes),
    resolutionDueAt: addMinutes(openedAt, resolutionMinutes),
  };
};
