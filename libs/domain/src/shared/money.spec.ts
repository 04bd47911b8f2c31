import {
  amountProblem,
  currencyExponent,
  isExactMoney,
  majorAmountOf,
  minorUnitsOf,
  sameMoney,
  toMoney,
  toMoneyInput,
} from './money';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('money', () => {
  it('knows the ISO 4217 minor units of a currency', () => {
    expect([currencyExponent('EUR'), currencyExponent('JPY'), currencyExponent('KWD')]).toEqual([
      2, 0, 3,
    ]);
  });

  it('refuses more decimals than the currency has, and amounts too large to be exact', () => {
    expect(amountProblem(eur(0.0000001))).toContain('at most 2 decimal places');
    expect(amountProblem({ amount: 0.5, currency: 'JPY' })).toContain('at most 0 decimal places');
    expect(amountProblem({ amount: 1.234, currency: 'KWD' })).toBeUndefined();
    expect(amountProblem(eur(1e14))).toBe('amount is at most 10000000000000.00 EUR');
    expect(amountProblem(eur(Number.POSITIVE_INFINITY))).toContain('finite');
    expect(amountProblem({ amount: 1, currency: 'eur' })).toContain('ISO 4217');
    expect(amountProblem(eur(1234.56))).toBeUndefined();
  });

  it('turns a major-unit amount into minor units by its decimal text, never by float products', () => {
    // 1.005 * 100 is 100.49999999999999 in floating point; as text it is 100.5 cents: refused.
    expect(minorUnitsOf(eur(1.005))).toBeUndefined();
    expect(toMoney(eur(19.99))).toEqual({ amountMinor: 1999, currency: 'EUR' });
    expect(toMoney(eur(0.29))).toEqual({ amountMinor: 29, currency: 'EUR' });
    expect(toMoney({ amount: 1.234, currency: 'KWD' })).toEqual({
      amountMinor: 1234,
      currency: 'KWD',
    });
    expect(toMoney({ amount: 1e3, currency: 'JPY' })).toEqual({
      amountMinor: 1000,
      currency: 'JPY',
    });
    expect(() => toMoney(eur(0.001))).toThrow('at most 2 decimal places');
  });

  it('answers minor units as the major-unit number they stand for', () => {
    expect(toMoneyInput({ amountMinor: 1250, currency: 'EUR' })).toEqual(eur(12.5));
    expect(toMoneyInput({ amountMinor: 7, currency: 'KWD' })).toEqual({
      amount: 0.007,
      currency: 'KWD',
    });
    expect(majorAmountOf(-5n, 'EUR')).toBe(-0.05);
    expect(toMoneyInput(toMoney(eur(999_999_999.99)))).toEqual(eur(999_999_999.99));
  });

  it('tells exact minor-unit money from anything else', () => {
    expect(isExactMoney({ amountMinor: 1999, currency: 'EUR' })).toBe(true);
    expect(isExactMoney({ amountMinor: 19.99, currency: 'EUR' })).toBe(false);
    expect(isExactMoney({ amountMinor: 1e16, currency: 'EUR' })).toBe(false);
  });

  it('compares in minor units', () => {
    expect(
      sameMoney({ amountMinor: 30, currency: 'EUR' }, { amountMinor: 30, currency: 'EUR' }),
    ).toBe(true);
    expect(
      sameMoney({ amountMinor: 30, currency: 'EUR' }, { amountMinor: 30, currency: 'USD' }),
    ).toBe(false);
  });
});
