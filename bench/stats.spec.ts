import { percentile, ratePerSecond, Samples, significant, summarize } from './stats';

describe('percentile (nearest rank)', () => {
  const sorted = Float64Array.from({ length: 100 }, (_, index) => index + 1);

  it('answers a value that was observed', () => {
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile(sorted, 0)).toBe(1);
  });

  it('rounds the rank up, so a small sample reports its worst values at p99', () => {
    expect(percentile([1, 2, 3], 50)).toBe(2);
    expect(percentile([1, 2, 3], 99)).toBe(3);
    expect(percentile([7], 1)).toBe(7);
  });

  it('is NaN without samples and refuses a percentile outside 0..100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
  });
});

describe('summarize', () => {
  it('sorts unsorted samples and reports count, extremes, mean and percentiles', () => {
    const summary = summarize([5, 1, 4, 2, 3]);
    expect(summary).toEqual({ count: 5, min: 1, max: 5, mean: 3, p50: 3, p90: 5, p99: 5 });
  });

  it('reports NaN figures for no samples', () => {
    expect(summarize([]).count).toBe(0);
    expect(summarize([]).p99).toBeNaN();
  });

  it('does not reorder the samples it was given', () => {
    const samples = [3, 1, 2];
    summarize(samples);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe('Samples', () => {
  it('grows past its initial capacity and summarises what was pushed', () => {
    const samples = new Samples();
    for (let value = 5000; value >= 1; value--) samples.push(value);
    expect(samples.length).toBe(5000);
    expect(samples.toArray()[0]).toBe(5000);
    expect(samples.summary()).toMatchObject({
      count: 5000,
      min: 1,
      max: 5000,
      p50: 2500,
      p99: 4950,
    });
  });
});

describe('ratePerSecond and significant', () => {
  it('turns a count over milliseconds into a rate', () => {
    expect(ratePerSecond(500, 250)).toBe(2000);
    expect(ratePerSecond(10, 0)).toBe(0);
  });

  it('keeps a number of significant digits', () => {
    expect(significant(12345.678, 3)).toBe(12300);
    expect(significant(0.0012345, 2)).toBe(0.0012);
    expect(significant(0)).toBe(0);
  });
});
