import { Money } from './values';

const CURRENCY_CODE = /^[A-Z]{3}$/;

/** A 3-letter upper-case ISO 4217 code. */
export const isCurrencyCode = (currency: string): boolean => CURRENCY_CODE.test(currency);

/** What is wrong with an amount of money, if anything: the aggregates name it with their own code. */
export type MoneyProblem = 'not_finite' | 'negative' | 'invalid_currency';

/** The currency check every amount goes through (deals, campaigns, quotes alike). */
export const moneyProblem = (money: Money): MoneyProblem | undefined => {
  if (!Number.isFinite(money.amount)) return 'not_finite';
  if (money.amount < 0) return 'negative';
  if (!isCurrencyCode(money.currency)) return 'invalid_currency';
  return undefined;
};

export const sameMoney = (left: Money, right: Money): boolean =>
  left.amount === right.amount && left.currency === right.currency;

/** A copy holding only the two fields, so nothing else a caller passed ends up in an event. */
export const copyMoney = ({ amount, currency }: Money): Money => ({ amount, currency });
