/**
 * The port's maxCount as a count of events: absent or +Infinity means unlimited (Infinity),
 * fractions are floored, negatives and NaN read nothing (0), as in the SQLite adapter.
 */
export const toMaxCount = (maxCount: number | undefined): number => {
  if (maxCount === undefined || maxCount === Infinity) return Infinity;
  return Number.isFinite(maxCount) ? Math.max(0, Math.floor(maxCount)) : 0;
};
