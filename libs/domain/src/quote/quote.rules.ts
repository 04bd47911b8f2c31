import {
  amountProblem,
  divideHalfAwayFromZero,
  isCurrencyCode,
  isIsoDate,
  isPastDate,
  IsoDate,
  MAX_MINOR_UNITS,
  Money,
  moneyProblem,
  sameMoney,
  scaledInteger,
  toMoney,
} from '../shared';
import type { QuoteState, QuoteStatus } from './quote.decider';
import { QuoteLine, QuoteLineInput, quoteErrors, QuoteParties } from './quote.messages';

/**
 * The quote's rules, apart from the order of its life: exact pricing, the checks on its figures
 * and dates, and the checks on its state that several commands share.
 */

/**
 * Quote arithmetic, exact: unit prices are already integer minor units of the quote's currency
 * (its ISO 4217 exponent), percentages become integer hundredths of a percent, and every sum,
 * product and rounding is done on bigints. Each rounding is half away from zero, to the minor
 * unit: once per line (after its discount) and once for the quote's discount.
 */
const WHOLE_PERCENT = 10_000n;

/** `12.5` (%) as 1250n; undefined when it has more than two decimals or lies outside 0-100. */
export const percentInHundredths = (percent: number): bigint | undefined => {
  const hundredths = scaledInteger(percent, 2);
  return hundredths !== undefined && hundredths >= 0n && hundredths <= WHOLE_PERCENT
    ? hundredths
    : undefined;
};

const requiredPercent = (percent: number): bigint => {
  const hundredths = percentInHundredths(percent);
  if (hundredths === undefined) throw new RangeError(`a discount of ${percent} % is not exact`);
  return hundredths;
};

const requiredMinor = (price: Money): bigint => {
  if (!Number.isSafeInteger(price.amountMinor))
    throw new RangeError(`a unit price of ${price.amountMinor} minor units is not exact`);
  return BigInt(price.amountMinor);
};

export type PricedLine = { quantity: number; unitPrice: Money; discountPercent: number };

/** A line's price after its discount, in minor units. */
const lineNet = ({ quantity, unitPrice, discountPercent }: PricedLine): bigint => {
  const gross = BigInt(quantity) * requiredMinor(unitPrice);
  const kept = WHOLE_PERCENT - requiredPercent(discountPercent);
  return divideHalfAwayFromZero(gross * kept, WHOLE_PERCENT);
};

const money = (minor: bigint, currency: string): Money => ({
  amountMinor: Number(minor),
  currency,
});

export type QuoteTotals = {
  /** Each line after its own discount, in the order given. */
  lines: Money[];
  /** The sum of the lines. */
  subtotal: Money;
  /** What the quote-level discount takes off the subtotal. */
  discount: Money;
  total: Money;
};

/** The totals of a quote in its currency; the lines' prices are already checked to be in it. */
export const quoteTotals = (
  currency: string,
  lines: readonly PricedLine[],
  discountPercent: number,
): QuoteTotals => {
  const nets = lines.map(lineNet);
  const subtotal = nets.reduce((sum, net) => sum + net, 0n);
  const off = divideHalfAwayFromZero(subtotal * requiredPercent(discountPercent), WHOLE_PERCENT);
  return {
    lines: nets.map((net) => money(net, currency)),
    subtotal: money(subtotal, currency),
    discount: money(off, currency),
    total: money(subtotal - off, currency),
  };
};

const MAX_QUANTITY = 1_000_000;

/** Checks a line's figures and puts them in the quote's currency. */
export const pricedQuoteLine = (
  quote: { quoteId: string; currency: string },
  lineId: string,
  input: QuoteLineInput,
): QuoteLine => {
  const { quoteId, currency } = quote;
  const { productName, quantity, unitPrice } = input;
  const discountPercent = input.discountPercent ?? 0;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    throw quoteErrors.rule(
      'QUOTE_INVALID_QUANTITY',
      `quantity must be a whole number 1-${MAX_QUANTITY}`,
      {
        quoteId,
        lineId,
        quantity,
      },
    );
  }
  const problem = moneyProblem(unitPrice) ?? amountProblem(unitPrice);
  if (problem !== undefined || toMoney(unitPrice).amountMinor * quantity > MAX_MINOR_UNITS) {
    throw quoteErrors.rule(
      'QUOTE_INVALID_PRICE',
      "a unit price is 0 or more, in the currency's minor units at most, and a line at most " +
        `${MAX_MINOR_UNITS} minor units`,
      {
        quoteId,
        lineId,
        unitPrice: { amount: String(unitPrice.amount), currency: unitPrice.currency },
      },
    );
  }
  if (unitPrice.currency !== currency) {
    throw quoteErrors.rule(
      'QUOTE_CURRENCY_MISMATCH',
      `the quote is in ${currency}, the price in ${unitPrice.currency}`,
      { quoteId, lineId, currency, priceCurrency: unitPrice.currency },
    );
  }
  assertQuoteDiscount(quoteId, discountPercent, lineId);
  return { lineId, productName, quantity, unitPrice: toMoney(unitPrice), discountPercent };
};

export const assertQuoteDiscount = (
  quoteId: string,
  discountPercent: number,
  lineId?: string,
): void => {
  if (percentInHundredths(discountPercent) === undefined) {
    throw quoteErrors.rule(
      'QUOTE_INVALID_DISCOUNT',
      'a discount is 0-100 %, in hundredths at most',
      {
        quoteId,
        ...(lineId !== undefined ? { lineId } : {}),
        discountPercent,
      },
    );
  }
};

export type ExistingQuote = Extract<QuoteState, { exists: true }>;

export const assertQuoteExists = (state: QuoteState, quoteId: string): ExistingQuote => {
  if (!state.exists) throw quoteErrors.notFound(quoteId);
  return state;
};

export const assertQuoteStatus = (
  state: QuoteState,
  quoteId: string,
  status: QuoteStatus,
  code: 'QUOTE_NOT_DRAFT' | 'QUOTE_NOT_SENT',
): ExistingQuote => {
  const quote = assertQuoteExists(state, quoteId);
  if (quote.status !== status) {
    throw quoteErrors.rule(code, `quote ${quoteId} is ${quote.status}, not ${status}`, {
      quoteId,
      status: quote.status,
    });
  }
  return quote;
};

export const assertQuoteValidUntil = (quoteId: string, validUntil: IsoDate, now: Date): void => {
  if (!isIsoDate(validUntil) || isPastDate(validUntil, now)) {
    throw quoteErrors.rule(
      'QUOTE_INVALID_VALID_UNTIL',
      `valid until must be a YYYY-MM-DD date not yet past, not "${validUntil}"`,
      { quoteId, validUntil },
    );
  }
};

export const findQuoteLine = (quote: ExistingQuote, lineId: string): QuoteLine => {
  const line = quote.lines.find((candidate) => candidate.lineId === lineId);
  if (!line) {
    throw quoteErrors.rule('QUOTE_LINE_NOT_FOUND', `quote ${quote.quoteId} has no line ${lineId}`, {
      quoteId: quote.quoteId,
      lineId,
    });
  }
  return line;
};

/** What every milestone event of a quote carries: the quote, its version and what it is for. */
export const quoteMilestone = (
  quote: ExistingQuote,
): QuoteParties & { quoteId: string; version: number } => ({
  quoteId: quote.quoteId,
  accountId: quote.accountId,
  ...(quote.dealId !== undefined ? { dealId: quote.dealId } : {}),
  version: quote.version,
});

export const sameQuoteLine = (a: QuoteLine, b: QuoteLine): boolean =>
  a.productName === b.productName &&
  a.quantity === b.quantity &&
  sameMoney(a.unitPrice, b.unitPrice) &&
  a.discountPercent === b.discountPercent;

export const quoteTotalOf = (quote: ExistingQuote) =>
  quoteTotals(quote.currency, quote.lines, quote.discountPercent).total;

/** A quote is in one currency, and a quote for a deal is in the deal's. */
export const assertQuoteCurrency = (
  quoteId: string,
  currency: string,
  deal: { dealId?: string; dealCurrency?: string },
): void => {
  if (!isCurrencyCode(currency)) {
    throw quoteErrors.rule(
      'QUOTE_INVALID_CURRENCY',
      `currency must be a 3-letter upper-case code, not "${currency}"`,
      { quoteId, currency },
    );
  }
  const { dealId, dealCurrency } = deal;
  if (dealId !== undefined && dealCurrency !== undefined && dealCurrency !== currency) {
    throw quoteErrors.rule(
      'QUOTE_CURRENCY_MISMATCH',
      `the deal is in ${dealCurrency}, the quote in ${currency}`,
      { quoteId, dealId, currency, dealCurrency },
    );
  }
};
