import { sumByCurrency } from './money-totals';

describe('sumByCurrency', () => {
  it('sums per currency, weighted, rounded to cents, currencies in order', () => {
    expect(
      sumByCurrency([
        { amount: { amount: 0.1, currency: 'USD' } },
        { amount: { amount: 0.2, currency: 'USD' } },
        { amount: { amount: 100, currency: 'EUR' }, weight: 0.333 },
      ]),
    ).toEqual({ EUR: 33.3, USD: 0.3 });
    expect(
      Object.keys(
        sumByCurrency([
          { amount: { amount: 1, currency: 'USD' } },
          { amount: { amount: 1, currency: 'CHF' } },
        ]),
      ),
    ).toEqual(['CHF', 'USD']);
    expect(sumByCurrency([])).toEqual({});
  });
});
