import { indexEntriesOf } from './index-keys';

describe('indexEntriesOf', () => {
  it('gives one plain entry when every field is a top-level scalar', () => {
    expect(indexEntriesOf({ t: 'acme', n: 3, b: false }, ['t', 'n', 'b'])).toEqual({
      entries: [['acme', 3, false]],
      plain: true,
    });
  });

  it('walks dotted paths, and a key spelled with a dot is not a path', () => {
    const document = { a: { b: 'deep' }, 'a.b': 'flat' };
    expect(indexEntriesOf(document, ['a.b'])).toEqual({ entries: [['deep']], plain: true });
  });

  it('expands arrays and marks the index not plain', () => {
    expect(indexEntriesOf({ t: 'acme', tags: ['x', 'y'] }, ['t', 'tags'])).toEqual({
      entries: [
        ['acme', 'x'],
        ['acme', 'y'],
      ],
      plain: false,
    });
  });

  it('holds null for a missing or null field, still plain (one entry)', () => {
    for (const document of [{ t: 'acme' }, { t: 'acme', x: null }, { t: 'acme', y: 'not x' }]) {
      expect(indexEntriesOf(document, ['t', 'x'])).toEqual({
        entries: [['acme', null]],
        plain: true,
      });
    }
    expect(indexEntriesOf({ t: 'acme' }, ['t', 'x.y'])).toEqual({
      entries: [['acme', null]],
      plain: true,
    });
  });

  it('holds null for a non-scalar or non-finite field, which is not plain', () => {
    for (const document of [
      { t: 'acme', x: { y: 1 } },
      { t: 'acme', x: Number.NaN },
    ]) {
      expect(indexEntriesOf(document, ['t', 'x'])).toEqual({
        entries: [['acme', null]],
        plain: false,
      });
    }
  });
});
