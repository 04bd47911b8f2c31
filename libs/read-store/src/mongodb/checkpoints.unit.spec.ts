import { BSON, Long } from 'mongodb';
import { checkpointOperation, checkpointOperations, parseCheckpoint } from './checkpoints';

const LARGE = 2n ** 63n - 1n;

describe('checkpointOperation', () => {
  it('an upsert by name whose pipeline only ever moves the position forward', () => {
    const exact = Long.fromBigInt(42n);
    expect(checkpointOperation('contacts@v1.1', 42n)).toEqual({
      updateOne: {
        filter: { _id: 'contacts@v1.1' },
        update: [
          {
            $set: {
              position: {
                $cond: [{ $lt: ['$_position', exact] }, { $literal: '42' }, '$position'],
              },
              _position: { $max: ['$_position', exact] },
            },
          },
        ],
        upsert: true,
      },
    });
  });

  it('keeps all 64 bits: the exact string and an Int64 that survive BSON', () => {
    const operation = checkpointOperation('cp', LARGE);
    const decoded = BSON.deserialize(BSON.serialize({ operation }), { useBigInt64: true });
    const exact = LARGE.toString();
    expect(decoded).toEqual({
      operation: {
        updateOne: {
          filter: { _id: 'cp' },
          update: [
            {
              $set: {
                position: {
                  $cond: [{ $lt: ['$_position', LARGE] }, { $literal: exact }, '$position'],
                },
                _position: { $max: ['$_position', LARGE] },
              },
            },
          ],
          upsert: true,
        },
      },
    });
  });
});

describe('checkpointOperations', () => {
  it('one operation per name, the highest position when a name repeats', () => {
    const operations = checkpointOperations([
      { name: 'a', position: 5n },
      { name: 'b', position: 7n },
      { name: 'a', position: 9n },
      { name: 'a', position: 6n },
    ]);
    expect(operations).toEqual([checkpointOperation('a', 9n), checkpointOperation('b', 7n)]);
    expect(checkpointOperations([])).toEqual([]);
  });
});

describe('parseCheckpoint', () => {
  it('undefined when nothing is stored', () => {
    expect(parseCheckpoint(null)).toBeUndefined();
    expect(parseCheckpoint(undefined)).toBeUndefined();
  });

  it('the exact position from its decimal string, whatever _position holds', () => {
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
