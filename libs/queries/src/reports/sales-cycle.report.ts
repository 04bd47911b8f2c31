import { DealDocument } from '@crm/projections';
import { compareText } from '../views/compare';
import { groupBy } from './grouping';
import { Month, monthOf } from './months';
import { average, median, nearestRankPercentile, round2OrNull } from './statistics';

const MS_PER_DAY = 86_400_000;

/** Days from opening to winning, to two decimals; null figures when no deal counts. */
export type SalesCycleFigures = {
  count: number;
  average: number | null;
  median: number | null;
  /** Nearest-rank 90th percentile: one of the cycles, never interpolated. */
  p90: number | null;
};

export type SalesCycleReport = {
  overall: SalesCycleFigures;
  /** Per UTC month of winning, in month order. */
  byMonth: ({ month: Month } & SalesCycleFigures)[];
};

type Cycle = { month: Month; days: number };

const figuresOf = (cycles: readonly Cycle[]): SalesCycleFigures => {
  const days = cycles.map((cycle) => cycle.days);
  return {
    count: days.length,
    average: round2OrNull(average(days)),
    median: round2OrNull(median(days)),
    p90: round2OrNull(nearestRankPercentile(days, 90)),
  };
};

/** How long won deals took, from `openedAt` to `wonAt`, in fractional days. */
export const salesCycle = (deals: readonly DealDocument[]): SalesCycleReport => {
  const cycles: Cycle[] = deals.flatMap((deal) =>
    deal.status === 'won' && deal.wonAt !== undefined
      ? [
          {
            month: monthOf(deal.wonAt),
            days: (Date.parse(deal.wonAt) - Date.parse(deal.openedAt)) / MS_PER_DAY,
          },
        ]
      : [],
  );
  const byMonth = [...groupBy(cycles, (cycle) => cycle.month).entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([month, group]) => ({ month, ...figuresOf(group) }));
  return { overall: figuresOf(cycles), byMonth };
};
