/**
 * Percentiles and summaries of latency samples. Pure: no clock, no I/O.
 *
 * Percentiles use the nearest-rank method on the sorted samples: p99 of 100 samples is the 99th
 * smallest, so a reported p99 is always a latency that was actually observed.
 */

export type Summary = {
  count: number;
  min: number;
  max: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
};

const EMPTY: Summary = { count: 0, min: NaN, max: NaN, mean: NaN, p50: NaN, p90: NaN, p99: NaN };

/** Nearest-rank percentile (`p` in 0..100) of samples sorted ascending; NaN when there are none. */
export const percentile = (sorted: ArrayLike<number>, p: number): number => {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, not ${p}`);
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
};

/** Count, extremes, mean and the usual percentiles of some samples (in any order). */
export const summarize = (samples: ArrayLike<number>): Summary => {
  if (samples.length === 0) return { ...EMPTY };
  const sorted = Float64Array.from(samples).sort();
  let total = 0;
  for (const value of sorted) total += value;
  return {
    count: sorted.length,
    min: sorted[0],
    max: sorted[sorted.length - 1],
    mean: total / sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
  };
};

/**
 * A growable list of samples kept in a typed array: a million latencies take 8 MB and no
 * per-sample object, so recording stays cheap in the measured loop.
 */
export class Samples {
  private values = new Float64Array(1024);
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.size++] = value;
  }

  toArray(): Float64Array {
    return this.values.slice(0, this.size);
  }

  summary(): Summary {
    return summarize(this.values.subarray(0, this.size));
  }
}

/** Events (or commands, requests) per second; 0 for an empty interval. */
export const ratePerSecond = (count: number, milliseconds: number): number =>
  milliseconds > 0 ? (count * 1000) / milliseconds : 0;

/** `value` rounded to `digits` significant digits (for tables and JSON that stay readable). */
export const significant = (value: number, digits = 3): number => {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(digits));
};
