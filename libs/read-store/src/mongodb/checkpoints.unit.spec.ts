import { BSON } from 'mongodb';
import { checkpointDocument, highestPerName, movesForward, parseCheckpoint } from './checkpoints';

const LARGE = 2n ** 63n - 1n;

describe('checkpointDocument', () => {
  it('keeps all 64 bits: the exact string and an Int64, both surviving BSON', () => {
    const decoded = BSON.deserialize(BSON.serialize(checkpointDocument('cp', LARGE)), {
      useBigInt64: true,
    });
    expect(decoded).toEqual({ _id: 'cp', position: LARGE.toString(), _position: LARGE });
    expect(parseCheckpoint(decoded)).toBe(LARGE);
  });
});

describe('movesForward', () => {
  it('only to a higher position than the one stored, exactly', () => {
    expect(movesForward(undefined, 0n)).toBe(true);
    expect(movesForward(9n, 10n)).toBe(true);
    expect(movesForward(10n, 10n)).toBe(false);
    expect(movesForward(11n, 10n)).toBe(false);
    expect(movesForward(9007199254740994n, 9007199254740995n)).toBe(true);
  });
});

describe('highestPerName', () => {
  it('one checkpoint per name, the highest position when a name repeats', () => {
    expect(
      highestPerName([
        { name: 'a', position: 5n },
        { name: 'b', position: 7n },
        { name: 'a', position: 9n },
        { name: 'a', position: 6n },
      ]),
    ).toEqual([
      { name: 'a', position: 9n },
      { name: 'b', position: 7n },
    ]);
    expect(highestPerName([])).toEqual([]);
  });
});

describe('parseCheckpoint', () => {
  it('undefined when nothing is stored', () => {
    expect(parseCheckpoint(null)).toBeUndefined();
    expect(parseCheckpoint(undefined)).toBeUndefined();
  });

  it('the exact position from its decimal string, whatever _position holds or lacks', () => {
    expect(parseCheckpoint({ position: '0' })).toBe(0n);
    expect(parseCheckpoint({ position: '9007199254740993' })).toBe(9007199254740993n);
    expect(parseCheckpoint({ position: LARGE.toString() })).toBe(LARGE);
    expect(parseCheckpoint({ position: '-1' })).toBe(-1n);
  });

  it('refuses a corrupt position instead of guessing', () => {
    for (const position of [undefined, 42, '', '4.2', '0x10', ' 1', '1e3']) {
      expect(() => parseCheckpoint({ position })).toThrow(/Corrupt checkpoint/);
    }
  });
});
