import { majorAmountOf, Money, MoneyTotal, weightedSumMoney } from '@crm/domain';

/** Amounts summed per currency: `{ EUR: 1250.5, USD: 300 }`. */
export type MoneyTotals = Record<string, number>;

/**
 * The sum per currency of each amount times its weight (1 unless given): exact in minor units,
 * rounded once to the minor unit when weighted.
 */
export const sumByCurrency = (
  items: readonly { amount: Money | MoneyTotal; weight?: number }[],
): MoneyTotals =>
  Object.fromEntries(
    weightedSumMoney(items.map(({ amount, weight = 1 }) => ({ amount, weight }))).map(
      ({ currency, amountMinor }) => [currency, majorAmountOf(amountMinor, currency)],
    ),
  );
