import { PartialDuplicateAppendError } from '../errors';
import { EventToAppend } from '../event-store';
import { findRepeat, idKey, rejectIdsRepeatedInBatch, StoredEvent } from './idempotency';

const event = (id: string): EventToAppend => ({ id, type: 'T.v1', data: {}, metadata: {} });
const stored = (entries: Array<[string, bigint, bigint]>): Map<string, StoredEvent> =>
  new Map(entries.map(([id, revision, position]) => [idKey(id), { revision, position }]));

const partial = (attempt: () => unknown): PartialDuplicateAppendError => {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(PartialDuplicateAppendError);
    return error as PartialDuplicateAppendError;
  }
  throw new Error('expected a PartialDuplicateAppendError');
};

describe('idempotent append decision', () => {
  it('appends when none of the ids is stored', () => {
    expect(findRepeat('s', [event('a'), event('b')], stored([['x', 0n, 10n]]))).toBeUndefined();
  });

  it('answers the stored result for a whole repeat at consecutive revisions', () => {
    const inStream = stored([
      ['a', 0n, 100n],
      ['b', 1n, 200n],
      ['c', 2n, 300n],
    ]);
    expect(findRepeat('s', [event('a'), event('b')], inStream)).toEqual({
      nextRevision: 1n,
      position: 200n,
    });
    expect(findRepeat('s', [event('c')], inStream)).toEqual({ nextRevision: 2n, position: 300n });
  });

  it('compares ids case-insensitively (the server returns them lower-case)', () => {
    const inStream = stored([['0B6F0D3E-2F4B-4F0E-8A5E-6F0C9F1D2E3A', 4n, 40n]]);
    expect(findRepeat('s', [event('0b6f0d3e-2f4b-4f0e-8a5e-6f0c9f1d2e3a')], inStream)).toEqual({
      nextRevision: 4n,
      position: 40n,
    });
  });

  it('rejects a partial overlap, naming the stored ids', () => {
    const inStream = stored([
      ['a', 0n, 100n],
      ['b', 1n, 200n],
    ]);
    const error = partial(() => findRepeat('s', [event('b'), event('c')], inStream));
    expect(error.streamName).toBe('s');
    expect(error.duplicateIds).toEqual(['b']);
    expect(partial(() => findRepeat('s', [event('c'), event('a')], inStream)).duplicateIds).toEqual(
      ['a'],
    );
  });

  it('rejects stored ids out of order', () => {
    const inStream = stored([
      ['a', 0n, 100n],
      ['b', 1n, 200n],
    ]);
    expect(partial(() => findRepeat('s', [event('b'), event('a')], inStream)).duplicateIds).toEqual(
      ['b', 'a'],
    );
  });

  it('rejects ids repeated within one batch', () => {
    expect(() => rejectIdsRepeatedInBatch('s', [event('a'), event('b')])).not.toThrow();
    expect(
      partial(() => rejectIdsRepeatedInBatch('s', [event('a'), event('A')])).duplicateIds,
    ).toEqual(['A']);
  });
});
