import { EMPTY_SHAPE, isArrayAt, isSparseAt, widenedShape } from './index-shape';

describe('widenedShape', () => {
  it('stays the same for a document with one full scalar entry', () => {
    expect(widenedShape(EMPTY_SHAPE, { entries: [['t', 1]], arrays: 0 })).toBeUndefined();
  });

  it('marks the columns a document held nothing in, and only widens', () => {
    const sparse = widenedShape(EMPTY_SHAPE, { entries: [['t', null, 'x']], arrays: 0 });
    expect(sparse).toEqual({ arrays: 0, sparse: 0b010 });
    expect(sparse && isSparseAt(sparse, 1)).toBe(true);
    expect(sparse && isSparseAt(sparse, 2)).toBe(false);
    expect(sparse && widenedShape(sparse, { entries: [['t', 'a', 'x']], arrays: 0 })).toBe(
      undefined,
    );
  });

  it('turns not plain once, for good', () => {
    const multikey = widenedShape(EMPTY_SHAPE, {
      entries: [
        ['t', 'a'],
        ['t', 'b'],
      ],
      arrays: 0b10,
    });
    expect(multikey).toEqual({ arrays: 0b10, sparse: 0 });
    expect(multikey && isArrayAt(multikey, 1)).toBe(true);
    expect(multikey && isArrayAt(multikey, 0)).toBe(false);
    expect(multikey && widenedShape(multikey, { entries: [['t', 'a']], arrays: 0 })).toBe(
      undefined,
    );
  });

  it('gathers the array fields, and forgets them for good once a subdocument comes', () => {
    const first = widenedShape(EMPTY_SHAPE, { entries: [['a', 't']], arrays: 0b01 });
    const both = first && widenedShape(first, { entries: [['t', 'b']], arrays: 0b10 });
    expect(both).toEqual({ arrays: 0b11, sparse: 0 });
    const unknown = both && widenedShape(both, { entries: [['t', null]], arrays: null });
    expect(unknown).toEqual({ arrays: null, sparse: 0b10 });
    expect(unknown && isArrayAt(unknown, 0)).toBe(false);
    expect(unknown && widenedShape(unknown, { entries: [['t', 'c']], arrays: 0b01 })).toBe(
      undefined,
    );
  });
});
