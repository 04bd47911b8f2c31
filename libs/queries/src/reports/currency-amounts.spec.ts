import { toMoney } from '@crm/domain';
import { averagePerCurrency, sumPerCurrency, totalIn } from './currency-amounts';
import { eur, usd } from './reports.test-kit';

describe('amounts per currency', () => {
  const amounts = [
    eur(0.1),
    usd(10),
    eur(0.2),
    toMoney({ amount: 5, currency: 'CHF' }),
    usd(15.01),
  ];

  it('sums each currency apart, in currency order, to cents', () => {
    expect(sumPerCurrency(amounts)).toEqual([
      { currency: 'CHF', amount: 5 },
      { currency: 'EUR', amount: 0.3 }, // 0.1 + 0.2 = 0.30000000000000004
      { currency: 'USD', amount: 25.01 }, // 10 + 15.01
    ]);
  });

  it('averages each currency apart, to cents', () => {
    expect(averagePerCurrency(amounts)).toEqual([
      { currency: 'CHF', amount: 5 },
      { currency: 'EUR', amount: 0.15 }, // 0.3 / 2
      { currency: 'USD', amount: 12.51 }, // 25.01 / 2 = 12.505 → 12.51
    ]);
  });

  it('answers a total in major units, and zero for a currency it does not hold', () => {
    expect(totalIn('KWD', [{ amountMinor: 1234n, currency: 'KWD' }])).toBe(1.234);
    expect(totalIn('JPY', [{ amountMinor: 1234n, currency: 'KWD' }])).toBe(0);
  });

  it('has no rows for no amounts', () => {
    expect(sumPerCurrency([])).toEqual([]);
    expect(averagePerCurrency([])).toEqual([]);
  });
});
