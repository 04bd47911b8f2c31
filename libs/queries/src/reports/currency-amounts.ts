import { averageMoney, Money, MoneyInput, MoneyTotal, sumMoney, toMoneyInput } from '@crm/domain';

/**
 * Amounts per currency, one `{ currency, amount }` row each (major units, as the API answers
 * money), in currency order. Different currencies are never added together.
 */
export type CurrencyAmounts = MoneyInput[];

const answered = (totals: readonly MoneyTotal[]): CurrencyAmounts => totals.map(toMoneyInput);

/** The sum per currency, exact in minor units. */
export const sumPerCurrency = (amounts: readonly Money[]): CurrencyAmounts =>
  answered(sumMoney(amounts));

/** The sum per currency of totals (exact minor units, as aggregate rows keep them). */
export const sumTotalsPerCurrency = (totals: readonly MoneyTotal[]): CurrencyAmounts =>
  answered(sumMoney(totals));

/** The mean per currency, rounded once to the currency's minor unit. */
export const averagePerCurrency = (amounts: readonly Money[]): CurrencyAmounts =>
  answered(averageMoney(amounts));

/** The one total of amounts all in `currency` (a group already split by currency), in major units. */
export const totalIn = (currency: string, totals: readonly MoneyTotal[]): number =>
  toMoneyInput(totals.find((total) => total.currency === currency) ?? { amountMinor: 0n, currency })
    .amount;
