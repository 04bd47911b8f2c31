import { sumByCurrency } from './money-totals';

describe('sumByCurrency', () => {
  it('sums per currency, weighted, rounded to cents, currencies in order', () => {
    expect(
      sumByCurrency([
        { amount: { amountMinor: 10, currency: 'USD' } },
        { amount: { amountMinor: 20, currency: 'USD' } },
        { amount: { amountMinor: 10000, currency: 'EUR' }, weight: 0.333 },
      ]),
    ).toEqual({ EUR: 33.3, USD: 0.3 });
    expect(
      Object.keys(
        sumByCurrency([
          { amount: { amountMinor: 100, currency: 'USD' } },
          { amount: { amountMinor: 100, currency: 'CHF' } },
        ]),
      ),
    ).toEqual(['CHF', 'USD']);
    expect(sumByCurrency([])).toEqual({});
  });
});
