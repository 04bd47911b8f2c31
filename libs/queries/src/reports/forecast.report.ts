import { sumMoney, weightedSumMoney } from '@crm/domain';
import { DealDocument } from '@crm/projections';
import { compareText } from '../views/compare';
import { compositeKey, groupBy } from './grouping';
import { Month, monthOf } from './months';
import { totalIn } from './currency-amounts';
import { ProbabilityOf } from './stage-probabilities';

export type ForecastRow = {
  month: Month;
  currency: string;
  /** How many open deals are expected to close that month. */
  deals: number;
  /** Their amounts, to cents. */
  pipelineAmount: number;
  /** Their amounts each times the probability their stage has now, to cents. */
  weightedAmount: number;
};

/** Open deals per month of `expectedCloseDate` and currency; by month, then currency. */
export const forecast = (
  deals: readonly DealDocument[],
  probabilityOf: ProbabilityOf = (deal) => deal.probability,
): ForecastRow[] => {
  const open = deals.filter((deal) => deal.status === 'open');
  return [
    ...groupBy(open, (deal) =>
      compositeKey(monthOf(deal.expectedCloseDate), deal.amount.currency),
    ).values(),
  ]
    .map((group) => ({
      month: monthOf(group[0].expectedCloseDate),
      currency: group[0].amount.currency,
      deals: group.length,
      pipelineAmount: totalIn(group[0].amount.currency, sumMoney(group.map((deal) => deal.amount))),
      weightedAmount: totalIn(
        group[0].amount.currency,
        weightedSumMoney(
          group.map((deal) => ({ amount: deal.amount, weight: probabilityOf(deal) })),
        ),
      ),
    }))
    .sort((a, b) => compareText(a.month, b.month) || compareText(a.currency, b.currency));
};
