/**
 * Money: an amount in a currency. The amount is a JSON number that holds at most as many decimals
 * as the currency has minor units (ISO 4217: 2 for EUR, 0 for JPY, 3 for KWD), and at most
 * `MAX_MINOR_UNITS` of them, so the number is exactly its decimal text and converts to an integer
 * count of minor units without error. All arithmetic happens on those integers.
 */
export type Money = { amount: number; currency: string };

/** 10^15 minor units stays below 2^53: every count up to it is an exact JavaScript integer. */
export const MAX_MINOR_UNITS = 1e15;

/** ISO 4217 currencies whose minor unit is not the hundredth. */
const EXPONENT_EXCEPTIONS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

const CURRENCY_CODE = /^[A-Z]{3}$/;

export const isCurrencyCode = (currency: string): boolean => CURRENCY_CODE.test(currency);

/** Decimal places of the currency's minor unit. */
export const currencyExponent = (currency: string): number => EXPONENT_EXCEPTIONS[currency] ?? 2;

/**
 * Decimals in the shortest text that reads back as `value` (what JSON wrote), in either of
 * JavaScript's forms: `0.25` and `1e-7`. Undefined for a value that is not finite.
 */
export const decimalPlaces = (value: number): number | undefined => {
  if (!Number.isFinite(value)) return undefined;
  const match = /^-?\d+(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (!match) return undefined;
  return Math.max(0, (match[1]?.length ?? 0) - Number(match[2] ?? 0));
};

/** Why an amount is not a valid amount of its currency, or undefined when it is. */
export const amountProblem = ({ amount, currency }: Money): string | undefined => {
  if (!isCurrencyCode(currency)) return 'currency must be a 3-letter ISO 4217 code';
  const places = decimalPlaces(amount);
  if (places === undefined) return 'amount must be a finite number';
  const exponent = currencyExponent(currency);
  if (places > exponent) return `amount in ${currency} has at most ${exponent} decimal places`;
  if (Math.abs(amount) * 10 ** exponent > MAX_MINOR_UNITS)
    return `amount is at most ${MAX_MINOR_UNITS / 10 ** exponent} ${currency}`;
  return undefined;
};

/** The amount as an integer count of the currency's minor units (cents for EUR). */
export const toMinorUnits = ({ amount, currency }: Money): number =>
  Math.round(amount * 10 ** currencyExponent(currency));

export const fromMinorUnits = (minorUnits: number, currency: string): Money => {
  const exponent = currencyExponent(currency);
  // Dividing an exact integer by 10^e gives the nearest double to the decimal, whose shortest
  // text is that decimal again.
  return { amount: minorUnits / 10 ** exponent, currency };
};

/** Sums per currency, exactly, in currency-code order; currencies are never added together. */
export const sumMoney = (amounts: readonly Money[]): Money[] => {
  const sums = new Map<string, number>();
  for (const money of amounts)
    sums.set(money.currency, (sums.get(money.currency) ?? 0) + toMinorUnits(money));
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, minor]) => fromMinorUnits(minor, currency));
};

const roundHalfAwayFromZero = (value: number): number =>
  Math.sign(value) * Math.round(Math.abs(value)) || 0;

/**
 * Σ amount × weight per currency (weights such as probabilities), rounded once, half away from
 * zero, to the minor unit; in currency-code order.
 */
export const weightedSumMoney = (items: readonly { amount: Money; weight: number }[]): Money[] => {
  const sums = new Map<string, number>();
  for (const { amount, weight } of items)
    sums.set(amount.currency, (sums.get(amount.currency) ?? 0) + toMinorUnits(amount) * weight);
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, minor]) => fromMinorUnits(roundHalfAwayFromZero(minor), currency));
};

/** The amount divided by a count (a share, a mean), rounded half away from zero to the minor unit. */
export const divideMoney = (money: Money, divisor: number): Money =>
  fromMinorUnits(roundHalfAwayFromZero(toMinorUnits(money) / divisor), money.currency);

/** The mean per currency, rounded to the minor unit, in currency-code order. */
export const averageMoney = (amounts: readonly Money[]): Money[] => {
  const counts = new Map<string, number>();
  for (const { currency } of amounts) counts.set(currency, (counts.get(currency) ?? 0) + 1);
  return sumMoney(amounts).map((total) => divideMoney(total, counts.get(total.currency) ?? 1));
};

export const sameMoney = (left: Money, right: Money): boolean =>
  left.currency === right.currency && toMinorUnits(left) === toMinorUnits(right);

/** What is wrong with an amount of money, if anything: the aggregates name it with their own code. */
export type MoneyProblem = 'not_finite' | 'negative' | 'invalid_currency';

/** The currency check every amount goes through (deals, campaigns, quotes alike). */
export const moneyProblem = (money: Money): MoneyProblem | undefined => {
  if (!Number.isFinite(money.amount)) return 'not_finite';
  if (money.amount < 0) return 'negative';
  if (!isCurrencyCode(money.currency)) return 'invalid_currency';
  return undefined;
};

/** A copy holding only the two fields, so nothing else a caller passed ends up in an event. */
export const copyMoney = ({ amount, currency }: Money): Money => ({ amount, currency });
