import { Money } from '@crm/domain';

/** Amounts summed per currency: `{ EUR: 1250.5, USD: 300 }`. */
export type MoneyTotals = Record<string, number>;

const toCents = (amount: number): number => Math.round(amount * 100) / 100;

/** The sum per currency of each amount times its weight (1 unless given), rounded to cents. */
export const sumByCurrency = (
  items: readonly { amount: Money; weight?: number }[],
): MoneyTotals => {
  const sums = new Map<string, number>();
  for (const { amount, weight = 1 } of items) {
    sums.set(amount.currency, (sums.get(amount.currency) ?? 0) + amount.amount * weight);
  }
  return Object.fromEntries(
    [...sums.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([currency, sum]) => [currency, toCents(sum)]),
  );
};
