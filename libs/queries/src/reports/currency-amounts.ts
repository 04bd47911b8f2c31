import { Money } from '@crm/domain';
import { compareText } from '../views/compare';
import { average, round2, sum } from './statistics';
import { groupBy } from './grouping';

/**
 * Amounts per currency, one `{ currency, amount }` row each, in currency order. Different
 * currencies are never added together.
 */
export type CurrencyAmounts = Money[];

const perCurrency = (
  amounts: readonly Money[],
  combine: (values: number[]) => number,
): CurrencyAmounts =>
  [...groupBy(amounts, (money) => money.currency).entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([currency, group]) => ({
      currency,
      amount: round2(combine(group.map((money) => money.amount))),
    }));

/** The sum per currency, rounded to cents. */
export const sumPerCurrency = (amounts: readonly Money[]): CurrencyAmounts =>
  perCurrency(amounts, sum);

/** The mean per currency, rounded to cents. */
export const averagePerCurrency = (amounts: readonly Money[]): CurrencyAmounts =>
  perCurrency(amounts, (values) => average(values) ?? 0);
