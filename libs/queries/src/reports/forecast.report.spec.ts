import { forecast } from './forecast.report';
import { aDeal, aLostDeal, aWonDeal, eur, usd } from './reports.test-kit';

describe('forecast', () => {
  const open = (
    dealId: string,
    expectedCloseDate: string,
    amount: ReturnType<typeof eur>,
    probability: number,
  ) => aDeal(dealId, { expectedCloseDate, amount, probability });
  const deals = [
    open('f1', '2026-03-15', eur(1000), 0.1), // weighted 100
    open('f2', '2026-03-31', eur(2000), 0.5), // weighted 1000
    open('f3', '2026-03-01', usd(3000), 0.8), // weighted 2400
    open('f4', '2026-04-01', eur(333.33), 0.333), // weighted 110.99889
    open('f5', '2026-04-30', eur(100), 0), // weighted 0
    aWonDeal('won', '2026-02-01T00:00:00.000Z', {
      expectedCloseDate: '2026-03-10',
      amount: eur(9000),
    }),
    aLostDeal('lost', '2026-02-01T00:00:00.000Z', {
      expectedCloseDate: '2026-03-10',
      amount: eur(9000),
    }),
  ];

  it('sums open deals per expected month and currency, plain and weighted', () => {
    expect(forecast(deals)).toEqual([
      // f1 f2: 1000 + 2000; 100 + 1000
      { month: '2026-03', currency: 'EUR', deals: 2, pipelineAmount: 3000, weightedAmount: 1100 },
      // f3: 3000; 3000 × 0.8
      { month: '2026-03', currency: 'USD', deals: 1, pipelineAmount: 3000, weightedAmount: 2400 },
      // f4 f5: 333.33 + 100 = 433.33; 110.99889 + 0 → 111
      { month: '2026-04', currency: 'EUR', deals: 2, pipelineAmount: 433.33, weightedAmount: 111 },
    ]);
  });

  it('is empty without open deals', () => {
    expect(forecast([])).toEqual([]);
    expect(forecast([aWonDeal('won', '2026-02-01T00:00:00.000Z')])).toEqual([]);
  });
});
