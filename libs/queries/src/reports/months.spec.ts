import { isWithin } from './date-range';
import { monthOf } from './months';

describe('monthOf', () => {
  it('takes the month in UTC', () => {
    expect(monthOf('2026-03-31T23:30:00.000Z')).toBe('2026-03');
    expect(monthOf('2026-03-31T23:30:00-02:00')).toBe('2026-04'); // 2026-04-01T01:30Z
    expect(monthOf('2026-03-01T00:30:00+01:00')).toBe('2026-02'); // 2026-02-28T23:30Z
    expect(monthOf('2026-02-28')).toBe('2026-02');
  });
});

describe('isWithin', () => {
  const range = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-02-01T00:00:00Z') };

  it('includes the start and excludes the end', () => {
    expect(isWithin('2026-01-01T00:00:00.000Z', range)).toBe(true);
    expect(isWithin('2026-01-31T23:59:59.999Z', range)).toBe(true);
    expect(isWithin('2026-02-01T00:00:00.000Z', range)).toBe(false);
    expect(isWithin('2025-12-31T23:59:59.999Z', range)).toBe(false);
  });

  it('leaves a missing end open', () => {
    expect(isWithin('1999-01-01T00:00:00.000Z', { to: range.to })).toBe(true);
    expect(isWithin('2999-01-01T00:00:00.000Z', { from: range.from })).toBe(true);
    expect(isWithin('2026-01-15T00:00:00.000Z', {})).toBe(true);
  });
});
