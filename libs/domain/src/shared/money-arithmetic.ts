import { exactFraction } from './decimal-text';
import { Money } from './money';
import { divideHalfAwayFromZero } from './rounding';

/** A sum of money: minor units as a bigint, so no count of amounts can make it inexact. */
export type MoneyTotal = { amountMinor: bigint; currency: string };

const byCurrency = (a: MoneyTotal, b: MoneyTotal): number =>
  a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0;

const totalsOf = (sums: Map<string, bigint>): MoneyTotal[] =>
  [...sums.entries()]
    .map(([currency, amountMinor]) => ({ amountMinor, currency }))
    .sort(byCurrency);

/** Sums per currency, exactly, in currency-code order; currencies are never added together. */
export const sumMoney = (amounts: readonly (Money | MoneyTotal)[]): MoneyTotal[] => {
  const sums = new Map<string, bigint>();
  for (const { amountMinor, currency } of amounts)
    sums.set(currency, (sums.get(currency) ?? 0n) + BigInt(amountMinor));
  return totalsOf(sums);
};

const weightFraction = (weight: number): { numerator: bigint; places: number } => {
  const fraction = exactFraction(weight);
  if (fraction === undefined) throw new RangeError(`weight ${weight} is not a finite number`);
  return fraction;
};

/**
 * Σ amount × weight per currency (weights such as probabilities, read as the decimals they are
 * written as), computed exactly and rounded once, half away from zero, to the minor unit.
 */
export const weightedSumMoney = (
  items: readonly { amount: Money | MoneyTotal; weight: number }[],
): MoneyTotal[] => {
  const weighed = items.map(({ amount, weight }) => ({ amount, ...weightFraction(weight) }));
  const places = Math.max(0, ...weighed.map((item) => item.places));
  const sums = new Map<string, bigint>();
  for (const { amount, numerator, places: own } of weighed) {
    const scaled = BigInt(amount.amountMinor) * numerator * 10n ** BigInt(places - own);
    sums.set(amount.currency, (sums.get(amount.currency) ?? 0n) + scaled);
  }
  const denominator = 10n ** BigInt(places);
  for (const [currency, sum] of sums) sums.set(currency, divideHalfAwayFromZero(sum, denominator));
  return totalsOf(sums);
};

/** A total divided by a count (a share, a mean), rounded once, half away from zero. */
export const divideMoney = (money: Money | MoneyTotal, divisor: number | bigint): MoneyTotal => ({
  amountMinor: divideHalfAwayFromZero(BigInt(money.amountMinor), BigInt(divisor)),
  currency: money.currency,
});

/** The mean per currency, rounded to the minor unit, in currency-code order. */
export const averageMoney = (amounts: readonly Money[]): MoneyTotal[] => {
  const counts = new Map<string, number>();
  for (const { currency } of amounts) counts.set(currency, (counts.get(currency) ?? 0) + 1);
  return sumMoney(amounts).map((total) => divideMoney(total, counts.get(total.currency) ?? 1));
};
