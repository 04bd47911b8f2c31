import { aDeal, aLostDeal, aWonDeal, eur, usd } from './reports.test-kit';
import { winRate } from './win-rate.report';

describe('winRate', () => {
  const deals = [
    aWonDeal('a1', '2026-01-10T00:00:00.000Z', { ownerId: 'ann', amount: eur(1000) }),
    aWonDeal('a2', '2026-01-20T00:00:00.000Z', { ownerId: 'ann', amount: eur(2000) }),
    aWonDeal('a3', '2026-01-25T00:00:00.000Z', { ownerId: 'ann', amount: usd(500) }),
    aLostDeal('a4', '2026-01-15T00:00:00.000Z', { ownerId: 'ann' }),
    aLostDeal('a5', '2026-02-03T00:00:00.000Z', { ownerId: 'ann' }),
    // 2026-02-28T23:30Z in UTC: a February win
    aWonDeal('a6', '2026-03-01T00:30:00+01:00', { ownerId: 'ann', amount: eur(1500) }),
    aLostDeal('b1', '2026-01-05T00:00:00.000Z', { ownerId: 'bob' }),
    aWonDeal('b2', '2026-02-10T00:00:00.000Z', { ownerId: 'bob', amount: eur(100.1) }),
    aWonDeal('b3', '2026-02-11T00:00:00.000Z', { ownerId: 'bob', amount: eur(100.25) }),
    aDeal('c1', { ownerId: 'cat' }), // open: never counts
    aDeal('c2', { ownerId: 'cat', reopenCount: 1, wonAt: '2026-01-12T00:00:00.000Z' }), // reopened
  ];

  it('counts won and lost per owner and month of closing, with owner totals', () => {
    expect(winRate(deals)).toEqual({
      rows: [
        // a1 a2 a3 won, a4 lost: 3/4; EUR (1000 + 2000) / 2 = 1500, USD 500
        {
          ownerId: 'ann',
          month: '2026-01',
          won: 3,
          lost: 1,
          winRate: 0.75,
          averageWonAmount: [
            { currency: 'EUR', amount: 1500 },
            { currency: 'USD', amount: 500 },
          ],
        },
        // a6 won, a5 lost: 1/2
        {
          ownerId: 'ann',
          month: '2026-02',
          won: 1,
          lost: 1,
          winRate: 0.5,
          averageWonAmount: [{ currency: 'EUR', amount: 1500 }],
        },
        // b1 lost: 0/1, no won amount
        { ownerId: 'bob', month: '2026-01', won: 0, lost: 1, winRate: 0, averageWonAmount: [] },
        // b2 b3 won: 2/2; EUR (100.1 + 100.25) / 2 = 100.175 → 100.18
        {
          ownerId: 'bob',
          month: '2026-02',
          won: 2,
          lost: 0,
          winRate: 1,
          averageWonAmount: [{ currency: 'EUR', amount: 100.18 }],
        },
      ],
      owners: [
        // 4 won, 2 lost: 4/6 = 0.6667; EUR (1000 + 2000 + 1500) / 3 = 1500; USD 500
        {
          ownerId: 'ann',
          won: 4,
          lost: 2,
          winRate: 0.6667,
          averageWonAmount: [
            { currency: 'EUR', amount: 1500 },
            { currency: 'USD', amount: 500 },
          ],
        },
        // 2 won, 1 lost: 2/3 = 0.6667
        {
          ownerId: 'bob',
          won: 2,
          lost: 1,
          winRate: 0.6667,
          averageWonAmount: [{ currency: 'EUR', amount: 100.18 }],
        },
      ],
    });
  });

  it('keeps the deals closed from `from` (included) to `to` (excluded)', () => {
    const range = { from: new Date('2026-01-15T00:00:00Z'), to: new Date('2026-02-10T00:00:00Z') };
    // in: a2 a3 (won), a4 (lost at `from`), a5 (lost); out: a1 b1 (before), b2 (at `to`), a6 b3
    expect(winRate(deals, range)).toEqual({
      rows: [
        // a2 a3 won, a4 lost: 2/3
        {
          ownerId: 'ann',
          month: '2026-01',
          won: 2,
          lost: 1,
          winRate: 0.6667,
          averageWonAmount: [
            { currency: 'EUR', amount: 2000 },
            { currency: 'USD', amount: 500 },
          ],
        },
        { ownerId: 'ann', month: '2026-02', won: 0, lost: 1, winRate: 0, averageWonAmount: [] },
      ],
      // 2 won, 2 lost: 2/4
      owners: [
        {
          ownerId: 'ann',
          won: 2,
          lost: 2,
          winRate: 0.5,
          averageWonAmount: [
            { currency: 'EUR', amount: 2000 },
            { currency: 'USD', amount: 500 },
          ],
        },
      ],
    });
  });

  it('is empty without closed deals', () => {
    expect(winRate([])).toEqual({ rows: [], owners: [] });
    expect(winRate([aDeal('open')])).toEqual({ rows: [], owners: [] });
  });
});
