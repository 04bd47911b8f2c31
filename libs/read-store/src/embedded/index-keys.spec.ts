import { indexEntriesOf } from './index-keys';

describe('indexEntriesOf', () => {
  it('gives one plain entry when every field is a top-level scalar', () => {
    expect(indexEntriesOf({ t: 'acme', n: 3, b: false }, ['t', 'n', 'b'])).toEqual({
      entries: [['acme', 3, false]],
      arrays: 0,
    });
  });

  it('walks dotted paths, and a key spelled with a dot is not a path', () => {
    const document = { a: { b: 'deep' }, 'a.b': 'flat' };
    expect(indexEntriesOf(document, ['a.b'])).toEqual({ entries: [['deep']], arrays: 0 });
  });

  it('expands arrays and marks the fields holding an array of scalars', () => {
    expect(indexEntriesOf({ t: 'acme', tags: ['x', 'y'] }, ['t', 'tags'])).toEqual({
      entries: [
        ['acme', 'x'],
        ['acme', 'y'],
      ],
      arrays: 0b10,
    });
  });

  it('gives one entry per distinct element: a term held twice is one row', () => {
    expect(indexEntriesOf({ t: 'acme', tags: ['x', 'x', null] }, ['tags', 't'])).toEqual({
      entries: [['x', 'acme']],
      arrays: 0b01,
    });
    expect(indexEntriesOf({ a: ['x'], b: ['y', 'z'] }, ['a', 'b'])).toEqual({
      entries: [
        ['x', 'y'],
        ['x', 'z'],
      ],
      arrays: 0b11,
    });
  });

  it('knows no arrays when an array holds more than scalars or lies along a path', () => {
    for (const [document, field] of [
      [{ tags: [['x']] }, 'tags'],
      [{ tags: ['x', { y: 1 }] }, 'tags'],
      [{ lines: [{ sku: 'x' }] }, 'lines.sku'],
      [{ tags: ['x', 'y'] }, 'tags.0'],
    ] as const) {
      expect(indexEntriesOf(document, [field]).arrays).toBeNull();
    }
  });

  it('holds null for a missing or null field, still plain (one entry)', () => {
    for (const document of [{ t: 'acme' }, { t: 'acme', x: null }, { t: 'acme', y: 'not x' }]) {
      expect(indexEntriesOf(document, ['t', 'x'])).toEqual({
        entries: [['acme', null]],
        arrays: 0,
      });
    }
    expect(indexEntriesOf({ t: 'acme' }, ['t', 'x.y'])).toEqual({
      entries: [['acme', null]],
      arrays: 0,
    });
  });

  it('holds null for a non-scalar or non-finite field, which is neither plain nor an array', () => {
    for (const document of [
      { t: 'acme', x: { y: 1 } },
      { t: 'acme', x: Number.NaN },
    ]) {
      expect(indexEntriesOf(document, ['t', 'x'])).toEqual({
        entries: [['acme', null]],
        arrays: null,
      });
    }
  });
});
