import { Position, START } from '@eventstore/db-client';
import { EsdbMappingError } from './esdb-mapping-error';
import {
  fromAppendPosition,
  fromEsdbPosition,
  isKnownPosition,
  MAX_LOG_POSITION,
  toEsdbPosition,
  toReadPosition,
} from './position';

const NO_POSITION = 2n ** 64n - 1n;

describe('ESDB position <-> port position', () => {
  it('uses the commit position of an event written by a 20+ append (commit = prepare)', () => {
    expect(fromEsdbPosition({ commit: 0n, prepare: 0n })).toBe(0n);
    expect(fromEsdbPosition({ commit: 43_033n, prepare: 43_033n })).toBe(43_033n);
  });

  it('round-trips every port position', () => {
    for (const position of [0n, 1n, 2_746n, 9_007_199_254_740_993n, MAX_LOG_POSITION]) {
      const esdb: Position = toEsdbPosition(position);
      expect(esdb).toEqual({ commit: position, prepare: position });
      expect(fromEsdbPosition(esdb)).toBe(position);
    }
  });

  it('keeps the order of the log: positions compare as their commit positions', () => {
    const log: Position[] = [
      { commit: 96n, prepare: 96n },
      { commit: 1_024n, prepare: 1_024n },
      { commit: 1_120n, prepare: 1_120n },
    ];
    const positions = log.map(fromEsdbPosition);
    expect([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(positions);
    expect(new Set(positions).size).toBe(log.length);
  });

  it('refuses events of an explicit transaction, which share a commit position', () => {
    expect(() => fromEsdbPosition({ commit: 3_512n, prepare: 3_418n })).toThrow(EsdbMappingError);
  });

  it('refuses the "no position" sentinel and negative positions', () => {
    expect(() => fromEsdbPosition({ commit: NO_POSITION, prepare: NO_POSITION })).toThrow(
      EsdbMappingError,
    );
    expect(() => fromEsdbPosition({ commit: -1n, prepare: -1n })).toThrow(EsdbMappingError);
    expect(isKnownPosition(undefined)).toBe(false);
    expect(isKnownPosition({ commit: NO_POSITION, prepare: NO_POSITION })).toBe(false);
    expect(isKnownPosition({ commit: 5n, prepare: 5n })).toBe(true);
    expect(() => toEsdbPosition(-1n)).toThrow(RangeError);
  });

  it('starts reads and subscriptions at the start for -1n, else at the event named', () => {
    expect(toReadPosition(-1n)).toBe(START);
    expect(toReadPosition(-5n)).toBe(START);
    expect(toReadPosition(0n)).toEqual({ commit: 0n, prepare: 0n });
    expect(toReadPosition(812n)).toEqual({ commit: 812n, prepare: 812n });
  });

  it("takes an append's commit position, whatever its prepare, and nothing unusable", () => {
    expect(fromAppendPosition({ commit: 3_700n, prepare: 3_700n })).toBe(3_700n);
    expect(fromAppendPosition({ commit: 3_700n, prepare: 3_418n })).toBe(3_700n);
    expect(fromAppendPosition(undefined)).toBeUndefined();
    expect(fromAppendPosition({ commit: -1n, prepare: -1n })).toBeUndefined();
    expect(fromAppendPosition({ commit: NO_POSITION, prepare: NO_POSITION })).toBeUndefined();
  });
});
