import { IsoDateTime } from '@crm/domain';

const MS_PER_DAY = 86_400_000;

/** Milliseconds since the epoch of an ISO time; NaN when it is no time. */
export const timeOf = (at: IsoDateTime): number => Date.parse(at);

/** Whole days from `from` to `to` (0 when `to` is not later). */
export const wholeDaysBetween = (from: IsoDateTime, to: Date): number =>
  Math.max(0, Math.floor((to.getTime() - timeOf(from)) / MS_PER_DAY));

/** Days from `from` to `to`, to two decimals (0 when `to` is not later). */
export const daysBetween = (from: IsoDateTime, to: IsoDateTime): number =>
  Math.max(0, Math.round(((timeOf(to) - timeOf(from)) / MS_PER_DAY) * 100) / 100);
