import { aDeal, aLostDeal, aWonDeal } from './reports.test-kit';
import { salesCycle } from './sales-cycle.report';

describe('salesCycle', () => {
  const won = (dealId: string, openedAt: string, wonAt: string) =>
    aWonDeal(dealId, wonAt, { openedAt });
  const deals = [
    won('s1', '2026-01-01T00:00:00.000Z', '2026-01-11T00:00:00.000Z'), // 10 days
    won('s2', '2026-01-01T00:00:00.000Z', '2026-01-03T12:00:00.000Z'), // 2.5 days
    won('s3', '2026-01-01T00:00:00.000Z', '2026-01-21T06:00:00.000Z'), // 20.25 days
    won('s4', '2026-01-15T00:00:00.000Z', '2026-02-14T00:00:00.000Z'), // 30 days
    won('s5', '2026-02-01T00:00:00.000Z', '2026-02-02T08:00:00.000Z'), // 32 h = 1.3333 days
    won('s6', '2025-12-01T00:00:00.000Z', '2026-02-10T00:00:00.000Z'), // 31 + 31 + 9 = 71 days
    aDeal('open'),
    aLostDeal('lost', '2026-01-20T00:00:00.000Z'),
    aDeal('reopened', { reopenCount: 1, wonAt: '2026-01-20T00:00:00.000Z' }),
  ];

  it('measures won deals from opening to winning, overall and per month of winning', () => {
    expect(salesCycle(deals)).toEqual({
      // sorted 1.3333 2.5 10 20.25 30 71: sum 135.0833 / 6 = 22.5139 → 22.51;
      // median (10 + 20.25) / 2 = 15.125 → 15.13; p90 rank ⌈0.9 × 6⌉ = 6 → 71
      overall: { count: 6, average: 22.51, median: 15.13, p90: 71 },
      byMonth: [
        // 2.5 10 20.25: 32.75 / 3 = 10.9167 → 10.92; median 10; p90 rank ⌈2.7⌉ = 3 → 20.25
        { month: '2026-01', count: 3, average: 10.92, median: 10, p90: 20.25 },
        // 1.3333 30 71: 102.3333 / 3 = 34.1111 → 34.11; median 30; p90 rank 3 → 71
        { month: '2026-02', count: 3, average: 34.11, median: 30, p90: 71 },
      ],
    });
  });

  it('gives null figures without won deals', () => {
    const none = { overall: { count: 0, average: null, median: null, p90: null }, byMonth: [] };
    expect(salesCycle([])).toEqual(none);
    expect(salesCycle([aDeal('open')])).toEqual(none);
  });
});
