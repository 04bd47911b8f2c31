import { sumMoney } from '@crm/domain';
import { DealDocument } from '@crm/projections';
import { compareText } from '../views/compare';
import { DateRange, isWithin } from './date-range';
import { compositeKey, groupBy } from './grouping';
import { Month, monthOf } from './months';
import { totalIn } from './currency-amounts';

export type RevenueByMonthRow = {
  month: Month;
  currency: string;
  /** The won amounts, to cents. */
  revenue: number;
  /** How many deals were won. */
  deals: number;
};

/**
 * The amounts of won deals per UTC month of `wonAt` and currency, for deals won within `range`
 * (`from` included, `to` excluded); by month, then currency.
 */
export const revenueByMonth = (
  deals: readonly DealDocument[],
  range: DateRange = {},
): RevenueByMonthRow[] => {
  const won = deals.flatMap((deal) =>
    deal.status === 'won' && deal.wonAt !== undefined && isWithin(deal.wonAt, range)
      ? [{ deal, month: monthOf(deal.wonAt) }]
      : [],
  );
  return [...groupBy(won, ({ deal, month }) => compositeKey(month, deal.amount.currency)).values()]
    .map((group) => ({
      month: group[0].month,
      currency: group[0].deal.amount.currency,
      revenue: totalIn(
        group[0].deal.amount.currency,
        sumMoney(group.map(({ deal }) => deal.amount)),
      ),
      deals: group.length,
    }))
    .sort((a, b) => compareText(a.month, b.month) || compareText(a.currency, b.currency));
};
