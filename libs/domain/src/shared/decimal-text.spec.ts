import { decimalPlaces, decimalText, exactFraction, scaledInteger } from './decimal-text';

describe('decimal text', () => {
  it('counts decimals in plain and exponent forms', () => {
    expect([0.25, 1e-7, 12500, 1.5e21, 0.1].map(decimalPlaces)).toEqual([2, 7, 0, 0, 1]);
    expect(decimalPlaces(Number.NaN)).toBeUndefined();
  });

  it('scales by a power of ten exactly, or not at all', () => {
    expect(scaledInteger(12.34, 2)).toBe(1234n);
    expect(scaledInteger(0.07, 2)).toBe(7n);
    expect(scaledInteger(-0.5, 3)).toBe(-500n);
    expect(scaledInteger(1.5e21, 2)).toBe(150000000000000000000000n);
    expect(scaledInteger(1.005, 2)).toBeUndefined();
    expect(scaledInteger(Number.POSITIVE_INFINITY, 2)).toBeUndefined();
  });

  it('reads a number as the fraction its text writes', () => {
    expect(exactFraction(0.45)).toEqual({ numerator: 45n, places: 2 });
    expect(exactFraction(3)).toEqual({ numerator: 3n, places: 0 });
  });

  it('writes scaled integers back as decimal text', () => {
    expect(decimalText(-1205n, 2)).toBe('-12.05');
    expect(decimalText(7n, 3)).toBe('0.007');
    expect(decimalText(42n, 0)).toBe('42');
  });
});
