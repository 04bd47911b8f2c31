/**
 * Exact decimals from and to text: a JSON number is read by its shortest text (what JSON wrote),
 * so `0.1` is the decimal one tenth, never the binary fraction near it.
 */

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/** `value` as digits and a power of ten: `12.5` is 125 × 10^-1. Undefined when not finite. */
const digitsOf = (value: number): { digits: bigint; exponent: number } | undefined => {
  if (!Number.isFinite(value)) return undefined;
  const match = NUMBER_TEXT.exec(String(value));
  if (!match) return undefined;
  const [, sign, whole, fraction = '', shift = '0'] = match;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  return { digits, exponent: Number(shift) - fraction.length };
};

/** Decimals in the shortest text of `value`, in either of `0.25` and `1e-7`; undefined if not finite. */
export const decimalPlaces = (value: number): number | undefined => {
  const parsed = digitsOf(value);
  return parsed === undefined ? undefined : Math.max(0, -parsed.exponent);
};

/**
 * `value` × 10^places as an exact integer (`scaledInteger(12.34, 2)` is 1234n); undefined when
 * `value` has more decimals than `places` or is not finite. Never rounds.
 */
export const scaledInteger = (value: number, places: number): bigint | undefined => {
  const parsed = digitsOf(value);
  if (parsed === undefined) return undefined;
  const shift = parsed.exponent + places;
  if (shift >= 0) return parsed.digits * 10n ** BigInt(shift);
  const divisor = 10n ** BigInt(-shift);
  return parsed.digits % divisor === 0n ? parsed.digits / divisor : undefined;
};

/** `value` as the exact fraction numerator / 10^places of its shortest text. */
export const exactFraction = (value: number): { numerator: bigint; places: number } | undefined => {
  const places = decimalPlaces(value);
  if (places === undefined) return undefined;
  const numerator = scaledInteger(value, places);
  return numerator === undefined ? undefined : { numerator, places };
};

/** The decimal text of `scaled` / 10^places: `decimalText(-1205n, 2)` is `-12.05`. */
export const decimalText = (scaled: bigint, places: number): string => {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = places > 0 ? `.${digits.slice(digits.length - places)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
};
