import { quoteTotals, toHundredths } from './quote-pricing';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const line = (quantity: number, amount: number, discountPercent = 0) => ({
  quantity,
  unitPrice: eur(amount),
  discountPercent,
});

describe('quote pricing', () => {
  it('sums in exact hundredths where floating point would drift', () => {
    const lines = Array.from({ length: 10 }, () => line(1, 0.1));
    expect(lines.reduce((sum, l) => sum + l.unitPrice.amount, 0)).not.toBe(1);
    expect(quoteTotals('EUR', lines, 0).total).toEqual(eur(1));
  });

  it('rounds each line half up to the hundredth after its discount, then the quote discount', () => {
    // 3 x 0.35 = 1.05, less 50 % = 0.525 -> 0.53; 1 x 19.99 less 15 % = 16.9915 -> 16.99
    const totals = quoteTotals('EUR', [line(3, 0.35, 50), line(1, 19.99, 15)], 12.5);
    expect(totals.lines).toEqual([eur(0.53), eur(16.99)]);
    expect(totals.subtotal).toEqual(eur(17.52));
    // 12.5 % of 17.52 = 2.19 exactly
    expect(totals.discount).toEqual(eur(2.19));
    expect(totals.total).toEqual(eur(15.33));
  });

  it('handles large amounts without losing a cent', () => {
    const totals = quoteTotals('EUR', [line(1_000_000, 999_999.99)], 0);
    expect(totals.total).toEqual(eur(999_999_990_000));
  });

  it('takes amounts with at most two decimals only', () => {
    expect(toHundredths(12.34)).toBe(1234n);
    expect(toHundredths(0.07)).toBe(7n);
    expect(toHundredths(1.005)).toBeUndefined();
    expect(() => quoteTotals('EUR', [line(1, 1.005)], 0)).toThrow('not an exact amount');
  });
});
