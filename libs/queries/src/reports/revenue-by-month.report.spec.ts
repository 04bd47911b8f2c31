import { aDeal, aLostDeal, aWonDeal, eur, usd } from './reports.test-kit';
import { revenueByMonth } from './revenue-by-month.report';

describe('revenueByMonth', () => {
  const deals = [
    aWonDeal('r1', '2026-01-05T00:00:00.000Z', { amount: eur(1000.1) }),
    aWonDeal('r2', '2026-01-20T00:00:00.000Z', { amount: eur(2000.2) }),
    aWonDeal('r3', '2026-01-31T23:59:59.000Z', { amount: usd(500) }),
    aWonDeal('r4', '2026-02-01T00:00:00.000Z', { amount: usd(250) }),
    aWonDeal('r5', '2026-02-14T00:00:00.000Z', { amount: usd(0.1) }),
    aWonDeal('r6', '2026-02-15T00:00:00.000Z', { amount: usd(0.2) }),
    aWonDeal('r7', '2026-02-20T00:00:00.000Z', { amount: { amountMinor: 9999, currency: 'GBP' } }),
    aLostDeal('lost', '2026-01-10T00:00:00.000Z', { amount: eur(5000) }),
    aDeal('open', { amount: eur(7000) }),
    aDeal('reopened', { amount: eur(9000), reopenCount: 1, wonAt: '2026-01-10T00:00:00.000Z' }),
  ];

  it('sums won amounts per month of winning and currency, never across currencies', () => {
    expect(revenueByMonth(deals)).toEqual([
      { month: '2026-01', currency: 'EUR', revenue: 3000.3, deals: 2 }, // 1000.1 + 2000.2
      { month: '2026-01', currency: 'USD', revenue: 500, deals: 1 }, // r3
      { month: '2026-02', currency: 'GBP', revenue: 99.99, deals: 1 }, // r7
      { month: '2026-02', currency: 'USD', revenue: 250.3, deals: 3 }, // 250 + 0.1 + 0.2
    ]);
  });

  it('keeps the deals won from `from` (included) to `to` (excluded)', () => {
    const range = { from: new Date('2026-01-20T00:00:00Z'), to: new Date('2026-02-01T00:00:00Z') };
    expect(revenueByMonth(deals, range)).toEqual([
      { month: '2026-01', currency: 'EUR', revenue: 2000.2, deals: 1 }, // r2, won at `from`
      { month: '2026-01', currency: 'USD', revenue: 500, deals: 1 }, // r3; r4 won at `to` is out
    ]);
  });

  it('is empty without won deals', () => {
    expect(revenueByMonth([])).toEqual([]);
    expect(revenueByMonth([aDeal('open')])).toEqual([]);
  });
});
