import { averageMoney, divideMoney, sumMoney, weightedSumMoney } from './money-arithmetic';

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });
const total = (amountMinor: bigint, currency = 'EUR') => ({ amountMinor, currency });

describe('money arithmetic', () => {
  it('sums exactly in minor units, per currency, in currency order', () => {
    expect(sumMoney([{ amountMinor: 500, currency: 'USD' }, eur(10), eur(20)])).toEqual([
      total(30n),
      total(500n, 'USD'),
    ]);
    expect(sumMoney(Array.from({ length: 1000 }, () => eur(1)))).toEqual([total(1000n)]);
    expect(sumMoney([])).toEqual([]);
  });

  it('sums past 2^53 without losing a unit', () => {
    const big = eur(1e15);
    expect(sumMoney(Array.from({ length: 10 }, () => big))).toEqual([total(10n ** 16n)]);
  });

  it('weighs exactly by the decimals written and rounds once, half away from zero', () => {
    // 101 cents × 0.5 = 50.5 → 51
    expect(weightedSumMoney([{ amount: eur(101), weight: 0.5 }])).toEqual([total(51n)]);
    // Two halves of a cent: 0.5 + 0.5 = 1, not 1 + 1 from rounding each
    expect(
      weightedSumMoney([
        { amount: eur(1), weight: 0.5 },
        { amount: eur(1), weight: 0.5 },
      ]),
    ).toEqual([total(1n)]);
    // 0.1 × 3 × 10 is 3.0000000000000004 in floating point; exactly 3 here
    expect(weightedSumMoney([{ amount: eur(30), weight: 0.1 }])).toEqual([total(3n)]);
    expect(weightedSumMoney([{ amount: eur(-101), weight: 0.5 }])).toEqual([total(-51n)]);
    expect(() => weightedSumMoney([{ amount: eur(1), weight: Number.NaN }])).toThrow('finite');
  });

  it('divides and averages, rounding half away from zero to the minor unit', () => {
    expect(divideMoney(eur(1000), 3)).toEqual(total(333n));
    expect(divideMoney(eur(5), 2)).toEqual(total(3n));
    expect(averageMoney([eur(10), eur(20)])).toEqual([total(15n)]);
  });
});
