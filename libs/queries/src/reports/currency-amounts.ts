import { averageMoney, Money, sumMoney } from '@crm/domain';

/**
 * Amounts per currency, one `{ currency, amount }` row each, in currency order. Different
 * currencies are never added together.
 */
export type CurrencyAmounts = Money[];

/** The sum per currency, exact. */
export const sumPerCurrency = (amounts: readonly Money[]): CurrencyAmounts => sumMoney(amounts);

/** The mean per currency, rounded to the currency's minor unit. */
export const averagePerCurrency = (amounts: readonly Money[]): CurrencyAmounts =>
  averageMoney(amounts);

/** The one total of amounts all in `currency` (a group already split by currency). */
export const totalIn = (currency: string, amounts: readonly Money[]): number =>
  sumMoney(amounts).find((total) => total.currency === currency)?.amount ?? 0;
