/** n / d rounded once to an integer, half away from zero (2.5 → 3, -2.5 → -3); d must not be 0. */
export const divideHalfAwayFromZero = (n: bigint, d: bigint): bigint => {
  if (d === 0n) throw new RangeError('division by zero');
  const negative = n < 0n !== d < 0n;
  const absN = n < 0n ? -n : n;
  const absD = d < 0n ? -d : d;
  const rounded = (2n * absN + absD) / (2n * absD);
  return negative ? -rounded : rounded;
};
