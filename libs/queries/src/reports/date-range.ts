import { IsoDateTime } from '@crm/domain';

/** A span of time: `from` included, `to` excluded; a missing end is unbounded. */
export type DateRange = { from?: Date; to?: Date };

/** Whether `at` lies in `range` (`from <= at < to`). */
export const isWithin = (at: IsoDateTime, range: DateRange): boolean => {
  const time = Date.parse(at);
  return (
    (range.from === undefined || time >= range.from.getTime()) &&
    (range.to === undefined || time < range.to.getTime())
  );
};
