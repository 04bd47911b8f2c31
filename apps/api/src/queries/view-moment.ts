import { ReadModels } from '@crm/queries';
import { ViewClock } from './view-clock';

/**
 * The read models and the `now` a view is computed at: the present, or the `asOf` moment asked
 * for, whose clock-dependent facts (SLA state, overdue, days in stage) are those of that moment.
 */
export const viewMoment = (
  readModels: ReadModels,
  clock: ViewClock,
  asOf: string | undefined,
): { readModels: ReadModels; now: Date } => {
  if (asOf === undefined) return { readModels, now: clock.now() };
  const now = new Date(asOf);
  return { readModels: readModels.asOf(now), now };
};
