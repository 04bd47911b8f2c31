import { currencyExponent, isCurrencyCode } from './currency';
import { decimalText, scaledInteger } from './decimal-text';

export { currencyExponent, isCurrencyCode } from './currency';

/**
 * Money as events, aggregate states and read models hold it: an integer count of the currency's
 * minor units (ISO 4217: cents for EUR, yen for JPY, fils for KWD). Exact by construction.
 */
export type Money = { amountMinor: number; currency: string };

/**
 * Money as the API and the commands speak it: major units, a JSON number holding at most as many
 * decimals as the currency's minor unit, so it is exactly its decimal text. It becomes `Money`
 * by `toMoney` once `amountProblem` has nothing against it.
 */
export type MoneyInput = { amount: number; currency: string };

/** 10^15 minor units stays below 2^53: every count up to it is an exact JavaScript integer. */
export const MAX_MINOR_UNITS = 1e15;

/** The amount in minor units, exactly; undefined when it has more decimals than the currency. */
export const minorUnitsOf = ({ amount, currency }: MoneyInput): bigint | undefined =>
  scaledInteger(amount, currencyExponent(currency));

/** Why an amount is not a valid amount of its currency, or undefined when it is. */
export const amountProblem = (money: MoneyInput): string | undefined => {
  const { amount, currency } = money;
  if (!isCurrencyCode(currency)) return 'currency must be a 3-letter ISO 4217 code';
  if (!Number.isFinite(amount)) return 'amount must be a finite number';
  const exponent = currencyExponent(currency);
  const minor = minorUnitsOf(money);
  if (minor === undefined) return `amount in ${currency} has at most ${exponent} decimal places`;
  if ((minor < 0n ? -minor : minor) > BigInt(MAX_MINOR_UNITS))
    return `amount is at most ${decimalText(BigInt(MAX_MINOR_UNITS), exponent)} ${currency}`;
  return undefined;
};

/** The input in minor units; throws on an amount `amountProblem` refuses (check that first). */
export const toMoney = (input: MoneyInput): Money => {
  const problem = amountProblem(input);
  if (problem !== undefined) throw new RangeError(problem);
  return { amountMinor: Number(minorUnitsOf(input)), currency: input.currency };
};

/** The major-unit number nearest the exact decimal `minor` / 10^exponent (exact up to 2^53). */
export const majorAmountOf = (minor: bigint | number, currency: string): number =>
  Number(decimalText(BigInt(minor), currencyExponent(currency)));

/** Money as the API answers it: `{ amount: 12.5, currency: 'EUR' }` for 1250 cents. */
export const toMoneyInput = ({
  amountMinor,
  currency,
}: {
  amountMinor: number | bigint;
  currency: string;
}): MoneyInput => ({
  amount: majorAmountOf(amountMinor, currency),
  currency,
});

/** True when `value` is money in minor units that is exact: a safe integer within the bound. */
export const isExactMoney = (value: Money): boolean =>
  Number.isSafeInteger(value.amountMinor) &&
  Math.abs(value.amountMinor) <= MAX_MINOR_UNITS &&
  isCurrencyCode(value.currency);

export const sameMoney = (left: Money, right: Money): boolean =>
  left.currency === right.currency && left.amountMinor === right.amountMinor;

/** What is wrong with an amount of money, if anything: the aggregates name it with their own code. */
export type MoneyProblem = 'not_finite' | 'negative' | 'invalid_currency';

/** The currency check every amount goes through (deals, campaigns, quotes alike). */
export const moneyProblem = (money: MoneyInput): MoneyProblem | undefined => {
  if (!Number.isFinite(money.amount)) return 'not_finite';
  if (money.amount < 0) return 'negative';
  if (!isCurrencyCode(money.currency)) return 'invalid_currency';
  return undefined;
};

/** A copy holding only the two fields, so nothing else a caller passed ends up in an event. */
export const copyMoney = ({ amountMinor, currency }: Money): Money => ({ amountMinor, currency });
