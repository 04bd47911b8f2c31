import { Long } from 'mongodb';
import { positionLong, storedPosition } from './positions';

describe('positions', () => {
  it('go out as Int64 and come back exact, whatever numeric type was stored', () => {
    expect(positionLong(9007199254740995n).toBigInt()).toBe(9007199254740995n);
    expect(storedPosition(9007199254740995n)).toBe(9007199254740995n);
    expect(storedPosition(Long.fromBigInt(9007199254740995n))).toBe(9007199254740995n);
    expect(storedPosition(42)).toBe(42n);
    expect(storedPosition(undefined)).toBeUndefined();
    expect(storedPosition(null)).toBeUndefined();
  });

  it('a stored _position that is not an integer is corrupt', () => {
    expect(() => storedPosition(1.5)).toThrow(/Corrupt _position/);
    expect(() => storedPosition('42')).toThrow(/Corrupt _position/);
  });
});
