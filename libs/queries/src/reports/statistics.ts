/**
 * Small statistics for the reports. Every function takes the raw values and returns null when
 * there is nothing to work on, so a report never shows a figure made up from an empty set.
 */

/**
 * `value` rounded half away from zero to `decimals` places, in decimal terms (`1.005` → `1.01`,
 * which `Math.round(1.005 * 100) / 100` gets wrong because 1.005 is stored as 1.00499…).
 */
export const roundTo = (value: number, decimals: number): number => {
  if (!Number.isFinite(value)) return value;
  const magnitude = Math.abs(value);
  const text = String(magnitude);
  const rounded = text.includes('e')
    ? Math.round(magnitude * 10 ** decimals) / 10 ** decimals
    : Number(`${Math.round(Number(`${text}e${decimals}`))}e-${decimals}`);
  return value < 0 && rounded !== 0 ? -rounded : rounded;
};

/** Money and durations: two decimals. */
export const round2 = (value: number): number => roundTo(value, 2);

/** Rates (0 to 1): four decimals. */
export const roundRate = (value: number): number => roundTo(value, 4);

/** `numerator / denominator` rounded as a rate; null when the denominator is 0. */
export const rate = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : roundRate(numerator / denominator);

const ascending = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

export const sum = (values: readonly number[]): number =>
  values.reduce((total, value) => total + value, 0);

/** The arithmetic mean, unrounded; null for no values. */
export const average = (values: readonly number[]): number | null =>
  values.length === 0 ? null : sum(values) / values.length;

/** The middle value (the mean of the two middle ones for an even count), unrounded; null for none. */
export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = ascending(values);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * The nearest-rank percentile: the smallest value with at least `percent`% of the values at or
 * below it, i.e. the value of rank ⌈percent/100 × n⌉ (1-based) in ascending order. Always one of
 * the values, never interpolated; null for no values.
 */
export const nearestRankPercentile = (
  values: readonly number[],
  percent: number,
): number | null => {
  if (values.length === 0) return null;
  if (!(percent > 0 && percent <= 100))
    throw new RangeError(`percentile ${percent} not in (0, 100]`);
  const sorted = ascending(values);
  const rank = Math.ceil((percent / 100) * sorted.length);
  return sorted[Math.max(rank, 1) - 1];
};

/** Rounds a figure that may be missing. */
export const round2OrNull = (value: number | null): number | null =>
  value === null ? null : round2(value);
