import {
  average,
  median,
  nearestRankPercentile,
  rate,
  round2,
  roundRate,
  roundTo,
  sum,
} from './statistics';

describe('statistics', () => {
  it('rounds half away from zero in decimal terms', () => {
    expect(roundTo(1.005, 2)).toBe(1.01); // 1.005 is stored as 1.00499…; naive rounding gives 1
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(round2(0.1 + 0.2)).toBe(0.3); // 0.30000000000000004
    expect(round2(1e-7)).toBe(0);
    expect(roundRate(2 / 3)).toBe(0.6667);
  });

  it('gives a rate only when there is a denominator', () => {
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(0, 5)).toBe(0);
    expect(rate(1, 0)).toBeNull();
  });

  it('averages and takes medians, null for nothing', () => {
    expect(sum([])).toBe(0);
    expect(average([])).toBeNull();
    expect(average([1, 2, 4])).toBeCloseTo(7 / 3, 10);
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3); // sorted 1 3 5
    expect(median([4, 1, 3, 2])).toBe(2.5); // sorted 1 2 3 4 → (2 + 3) / 2
  });

  it('takes the nearest-rank percentile, one of the values', () => {
    const oneToTen = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(nearestRankPercentile(oneToTen, 90)).toBe(9); // rank ⌈0.9 × 10⌉ = 9
    expect(nearestRankPercentile([...oneToTen, 11], 90)).toBe(10); // rank ⌈0.9 × 11⌉ = ⌈9.9⌉ = 10
    expect(nearestRankPercentile(oneToTen, 100)).toBe(10);
    expect(nearestRankPercentile(oneToTen, 1)).toBe(1); // rank ⌈0.1⌉ = 1
    expect(nearestRankPercentile([7], 90)).toBe(7);
    expect(nearestRankPercentile([], 90)).toBeNull();
    expect(() => nearestRankPercentile([1], 0)).toThrow(RangeError);
  });
});
