import { divideHalfAwayFromZero, Money, scaledInteger } from '../shared';

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
