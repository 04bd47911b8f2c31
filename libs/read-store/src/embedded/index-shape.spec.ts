import { EMPTY_SHAPE, isSparseAt, widenedShape } from './index-shape';

describe('widenedShape', () => {
  it('stays the same for a document with one full scalar entry', () => {
    expect(widenedShape(EMPTY_SHAPE, { entries: [['t', 1]], plain: true })).toBeUndefined();
  });

  it('marks the columns a document held nothing in, and only widens', () => {
    const sparse = widenedShape(EMPTY_SHAPE, { entries: [['t', null, 'x']], plain: true });
    expect(sparse).toEqual({ plain: true, sparse: 0b010 });
    expect(sparse && isSparseAt(sparse, 1)).toBe(true);
    expect(sparse && isSparseAt(sparse, 2)).toBe(false);
    expect(sparse && widenedShape(sparse, { entries: [['t', 'a', 'x']], plain: true })).toBe(
      undefined,
    );
  });

  it('turns not plain once, for good', () => {
    const multikey = widenedShape(EMPTY_SHAPE, {
      entries: [
        ['t', 'a'],
        ['t', 'b'],
      ],
      plain: false,
    });
    expect(multikey).toEqual({ plain: false, sparse: 0 });
    expect(multikey && widenedShape(multikey, { entries: [['t', 'a']], plain: true })).toBe(
      undefined,
    );
  });
});
