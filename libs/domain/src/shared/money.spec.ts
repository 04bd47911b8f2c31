import {
  amountProblem,
  averageMoney,
  currencyExponent,
  decimalPlaces,
  divideMoney,
  sameMoney,
  sumMoney,
  toMinorUnits,
  weightedSumMoney,
} from './money';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('money', () => {
  it('knows the ISO 4217 minor units of a currency', () => {
    expect([currencyExponent('EUR'), currencyExponent('JPY'), currencyExponent('KWD')]).toEqual([
      2, 0, 3,
    ]);
  });

  it('counts decimals in plain and exponent forms', () => {
    expect([0.25, 1e-7, 12500, 1.5e21, 0.1].map(decimalPlaces)).toEqual([2, 7, 0, 0, 1]);
    expect(decimalPlaces(Number.NaN)).toBeUndefined();
  });

  it('refuses more decimals than the currency has, and amounts too large to be exact', () => {
    expect(amountProblem(eur(0.0000001))).toContain('at most 2 decimal places');
    expect(amountProblem({ amount: 0.5, currency: 'JPY' })).toContain('at most 0 decimal places');
    expect(amountProblem({ amount: 1.234, currency: 'KWD' })).toBeUndefined();
    expect(amountProblem(eur(1e14))).toContain('at most');
    expect(amountProblem(eur(Number.POSITIVE_INFINITY))).toContain('finite');
    expect(amountProblem({ amount: 1, currency: 'eur' })).toContain('ISO 4217');
    expect(amountProblem(eur(1234.56))).toBeUndefined();
  });

  it('sums exactly in minor units, per currency', () => {
    expect(sumMoney([eur(0.1), eur(0.2), { amount: 5, currency: 'USD' }])).toEqual([
      { amount: 0.3, currency: 'EUR' },
      { amount: 5, currency: 'USD' },
    ]);
    const many = Array.from({ length: 1000 }, () => eur(0.01));
    expect(sumMoney(many)).toEqual([eur(10)]);
    expect(sumMoney([])).toEqual([]);
  });

  it('rounds weighted sums and shares once, half away from zero, to the minor unit', () => {
    expect(weightedSumMoney([{ amount: eur(1.01), weight: 0.5 }])).toEqual([eur(0.51)]);
    expect(
      weightedSumMoney([
        { amount: eur(0.01), weight: 0.5 },
        { amount: eur(0.01), weight: 0.5 },
      ]),
    ).toEqual([eur(0.01)]);
    expect(divideMoney(eur(10), 3)).toEqual(eur(3.33));
    expect(averageMoney([eur(0.1), eur(0.2)])).toEqual([eur(0.15)]);
  });

  it('compares in minor units', () => {
    expect(sameMoney(eur(0.3), eur(0.1 + 0.2))).toBe(true);
    expect(toMinorUnits(eur(19.99))).toBe(1999);
  });
});
