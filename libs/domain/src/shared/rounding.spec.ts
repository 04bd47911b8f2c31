import { divideHalfAwayFromZero } from './rounding';

describe('rounding', () => {
  it('rounds halves away from zero, once', () => {
    expect(divideHalfAwayFromZero(5n, 2n)).toBe(3n);
    expect(divideHalfAwayFromZero(-5n, 2n)).toBe(-3n);
    expect(divideHalfAwayFromZero(5n, -2n)).toBe(-3n);
    expect(divideHalfAwayFromZero(7n, 3n)).toBe(2n);
    expect(divideHalfAwayFromZero(-7n, 3n)).toBe(-2n);
    expect(divideHalfAwayFromZero(0n, 3n)).toBe(0n);
  });

  it('refuses to divide by zero', () => {
    expect(() => divideHalfAwayFromZero(1n, 0n)).toThrow('division by zero');
  });
});
