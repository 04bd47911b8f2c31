import { divideMoney, MoneyTotal, toMoneyInput, weightedSumMoney } from '@crm/domain';
import { compareText } from '../views/compare';
import { totalIn } from './currency-amounts';
import { ClosedDealRow, OpenDealRow, WonDealRow } from './deal-figure-rows';
import { ForecastRow } from './forecast.report';
import { compositeKey, groupBy } from './grouping';
import { RevenueByMonthRow } from './revenue-by-month.report';
import { ProbabilityOf } from './stage-probabilities';
import { rate } from './statistics';
import { WinRateFigures, WinRateReport } from './win-rate.report';

/*
 * The deal reports computed from the rows of `deal-figures` instead of the deals: the same
 * answers as `revenueByMonth`, `winRate` and `forecast` (deal-figure-reports.spec.ts checks it
 * against them), read from rows whose number follows the dimensions, not the records.
 */

const total = (rows: readonly { amountMinor: bigint }[], currency: string): MoneyTotal => ({
  amountMinor: rows.reduce((sum, row) => sum + row.amountMinor, 0n),
  currency,
});

const dealsIn = (rows: readonly { deals: number }[]): number =>
  rows.reduce((sum, row) => sum + row.deals, 0);

/** `revenueByMonth` from the `won` rows of the range's months. */
export const revenueByMonthFromRows = (rows: readonly WonDealRow[]): RevenueByMonthRow[] =>
  [...groupBy(rows, (row) => compositeKey(row.month, row.currency)).values()]
    .map((group) => ({
      month: group[0].month,
      currency: group[0].currency,
      revenue: totalIn(group[0].currency, [total(group, group[0].currency)]),
      deals: dealsIn(group),
    }))
    .sort((a, b) => compareText(a.month, b.month) || compareText(a.currency, b.currency));

const winRateFigures = (rows: readonly ClosedDealRow[]): WinRateFigures => {
  const wonRows = rows.filter((row) => row.status === 'won');
  const won = dealsIn(wonRows);
  const lost = dealsIn(rows) - won;
  const averageWonAmount = [...groupBy(wonRows, (row) => row.currency).entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([currency, group]) => toMoneyInput(divideMoney(total(group, currency), dealsIn(group))));
  return { won, lost, winRate: rate(won, won + lost), averageWonAmount };
};

/** `winRate` from the `closed` rows of the range's months. */
export const winRateFromRows = (rows: readonly ClosedDealRow[]): WinRateReport => ({
  rows: [...groupBy(rows, (row) => compositeKey(row.ownerId, row.month)).values()]
    .map((group) => ({
      ownerId: group[0].ownerId,
      month: group[0].month,
      ...winRateFigures(group),
    }))
    .sort((a, b) => compareText(a.ownerId, b.ownerId) || compareText(a.month, b.month)),
  owners: [...groupBy(rows, (row) => row.ownerId).entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([ownerId, group]) => ({ ownerId, ...winRateFigures(group) })),
});

/** `forecast` from the `open` rows, each weighted by its stage's probability now. */
export const forecastFromRows = (
  rows: readonly OpenDealRow[],
  probabilityOf: ProbabilityOf,
): ForecastRow[] =>
  [...groupBy(rows, (row) => compositeKey(row.month, row.currency)).values()]
    .map((group) => {
      const { currency } = group[0];
      return {
        month: group[0].month,
        currency,
        deals: dealsIn(group),
        pipelineAmount: totalIn(currency, [total(group, currency)]),
        weightedAmount: totalIn(
          currency,
          weightedSumMoney(
            group.map((row) => ({
              amount: { amountMinor: row.amountMinor, currency },
              weight: probabilityOf(row),
            })),
          ),
        ),
      };
    })
    .sort((a, b) => compareText(a.month, b.month) || compareText(a.currency, b.currency));
