import { Money } from '../shared';

/**
 * Quote arithmetic, exact: amounts (major units with at most two decimals, as `Money` carries
 * them) become integer hundredths, percentages integer hundredths of a percent, and every sum,
 * product and rounding is done on bigints. Each rounding is half up, to the hundredth: once per
 * line (after its discount) and once for the quote's discount. This is the one file that knows
 * how an amount is represented.
 */
const WHOLE_PERCENT = 10_000n;

/** `12.34` as 1234n; undefined when the amount is not a whole number of hundredths. */
export const toHundredths = (amount: number): bigint | undefined => {
  const scaled = Math.round(amount * 100);
  return Number.isSafeInteger(scaled) && Math.abs(scaled - amount * 100) < 1e-6
    ? BigInt(scaled)
    : undefined;
};

const fromHundredths = (hundredths: bigint, currency: string): Money => ({
  amount: Number(hundredths) / 100,
  currency,
});

/** `12.5` (%) as 1250n; undefined when it has more than two decimals or lies outside 0-100. */
export const percentInHundredths = (percent: number): bigint | undefined => {
  const hundredths = toHundredths(percent);
  return hundredths !== undefined && hundredths >= 0n && hundredths <= WHOLE_PERCENT
    ? hundredths
    : undefined;
};

/** n / d rounded half up, for n >= 0 and d > 0. */
const divideRoundingHalfUp = (n: bigint, d: bigint): bigint => (2n * n + d) / (2n * d);

const required = (value: bigint | undefined, what: string): bigint => {
  if (value === undefined) throw new Error(`${what} is not an exact amount`);
  return value;
};

export type PricedLine = { quantity: number; unitPrice: Money; discountPercent: number };

/** A line's price after its discount, in hundredths. */
const lineNet = ({ quantity, unitPrice, discountPercent }: PricedLine): bigint => {
  const gross = BigInt(quantity) * required(toHundredths(unitPrice.amount), 'a unit price');
  const kept = WHOLE_PERCENT - required(percentInHundredths(discountPercent), 'a discount');
  return divideRoundingHalfUp(gross * kept, WHOLE_PERCENT);
};

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
  const off = divideRoundingHalfUp(
    subtotal * required(percentInHundredths(discountPercent), 'a discount'),
    WHOLE_PERCENT,
  );
  return {
    lines: nets.map((net) => fromHundredths(net, currency)),
    subtotal: fromHundredths(subtotal, currency),
    discount: fromHundredths(off, currency),
    total: fromHundredths(subtotal - off, currency),
  };
};
