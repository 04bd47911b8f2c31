import { percentInHundredths, quoteTotals } from './quote.rules';

const minor = (amountMinor: number, currency = 'EUR') => ({ amountMinor, currency });
const line = (quantity: number, amountMinor: number, discountPercent = 0, currency = 'EUR') => ({
  quantity,
  unitPrice: minor(amountMinor, currency),
  discountPercent,
});

describe('quote pricing', () => {
  it('sums in exact minor units', () => {
    const lines = Array.from({ length: 10 }, () => line(1, 10));
    expect(quoteTotals('EUR', lines, 0).total).toEqual(minor(100));
  });

  it('rounds each line half away from zero after its discount, then the quote discount', () => {
    // 3 x 0.35 = 1.05, less 50 % = 0.525 -> 0.53; 1 x 19.99 less 15 % = 16.9915 -> 16.99
    const totals = quoteTotals('EUR', [line(3, 35, 50), line(1, 1999, 15)], 12.5);
    expect(totals.lines).toEqual([minor(53), minor(1699)]);
    expect(totals.subtotal).toEqual(minor(1752));
    // 12.5 % of 17.52 = 2.19 exactly
    expect(totals.discount).toEqual(minor(219));
    expect(totals.total).toEqual(minor(1533));
  });

  it("prices in the currency's own minor unit: yen have none, dinars three", () => {
    // 3 x 333 JPY less 10 % = 899.1 -> 899 JPY
    expect(quoteTotals('JPY', [line(3, 333, 10, 'JPY')], 0).total).toEqual(minor(899, 'JPY'));
    // 1 x 1.235 KWD less 50 % = 0.6175 -> 0.618 KWD
    expect(quoteTotals('KWD', [line(1, 1235, 50, 'KWD')], 0).total).toEqual(minor(618, 'KWD'));
  });

  it('handles large amounts without losing a cent', () => {
    const totals = quoteTotals('EUR', [line(1_000_000, 99_999_999)], 0);
    expect(totals.total).toEqual(minor(99_999_999_000_000));
  });

  it('takes percentages with at most two decimals, 0-100, only', () => {
    expect(percentInHundredths(12.34)).toBe(1234n);
    expect(percentInHundredths(100)).toBe(10_000n);
    expect(percentInHundredths(1.005)).toBeUndefined();
    expect(percentInHundredths(100.01)).toBeUndefined();
    expect(() => quoteTotals('EUR', [line(1, 100, 1.005)], 0)).toThrow('not exact');
    expect(() => quoteTotals('EUR', [line(1, 1.5)], 0)).toThrow('not exact');
  });
});
