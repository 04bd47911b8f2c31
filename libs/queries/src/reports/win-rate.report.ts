import { IsoDateTime } from '@crm/domain';
import { DealDocument } from '@crm/projections';
import { compareText } from '../views/compare';
import { CurrencyAmounts, averagePerCurrency } from './currency-amounts';
import { DateRange, isWithin } from './date-range';
import { compositeKey, groupBy } from './grouping';
import { Month, monthOf } from './months';
import { rate } from './statistics';

export type WinRateFigures = {
  won: number;
  lost: number;
  /** won / (won + lost) */
  winRate: number | null;
  /** The mean amount of the won deals, per currency. */
  averageWonAmount: CurrencyAmounts;
};

export type WinRateRow = { ownerId: string; month: Month } & WinRateFigures;

export type WinRateOwnerTotal = { ownerId: string } & WinRateFigures;

export type WinRateReport = {
  /** Per owner and month of closing, by owner then month. */
  rows: WinRateRow[];
  /** Per owner, over every month in the range, by owner. */
  owners: WinRateOwnerTotal[];
};

type ClosedDeal = { deal: DealDocument; closedAt: IsoDateTime };

/** When a won or lost deal closed; undefined for open deals (a reopened one is open again). */
const closingOf = (deal: DealDocument): IsoDateTime | undefined => {
  if (deal.status === 'won') return deal.closedAt ?? deal.wonAt;
  if (deal.status === 'lost') return deal.closedAt ?? deal.lostAt;
  return undefined;
};

const figuresOf = (closed: readonly ClosedDeal[]): WinRateFigures => {
  const won = closed.filter(({ deal }) => deal.status === 'won').map(({ deal }) => deal);
  const lost = closed.length - won.length;
  return {
    won: won.length,
    lost,
    winRate: rate(won.length, won.length + lost),
    averageWonAmount: averagePerCurrency(won.map((deal) => deal.amount)),
  };
};

/**
 * Won against lost deals per owner and month of closing (UTC), for the deals that closed within
 * `range` (`from` included, `to` excluded). Open deals do not count.
 */
export const winRate = (deals: readonly DealDocument[], range: DateRange = {}): WinRateReport => {
  const closed: ClosedDeal[] = deals.flatMap((deal) => {
    const closedAt = closingOf(deal);
    return closedAt !== undefined && isWithin(closedAt, range) ? [{ deal, closedAt }] : [];
  });
  const rows = [
    ...groupBy(closed, ({ deal, closedAt }) =>
      compositeKey(deal.ownerId, monthOf(closedAt)),
    ).values(),
  ]
    .map((group) => ({
      ownerId: group[0].deal.ownerId,
      month: monthOf(group[0].closedAt),
      ...figuresOf(group),
    }))
    .sort((a, b) => compareText(a.ownerId, b.ownerId) || compareText(a.month, b.month));
  const owners = [...groupBy(closed, ({ deal }) => deal.ownerId).entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([ownerId, group]) => ({ ownerId, ...figuresOf(group) }));
  return { rows, owners };
};
