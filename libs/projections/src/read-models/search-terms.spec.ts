import { searchQueryTerms, searchTermsOf, withSearchTerms } from './search-terms';

const finds = (texts: string[], query: string): boolean => {
  const terms = new Set(searchTermsOf(texts));
  const wanted = searchQueryTerms(query);
  return wanted.length > 0 && wanted.every((term) => terms.has(term));
};

describe('search terms', () => {
  const ada = ['Ada Lovelace', 'ada.lovelace@analytical.example', '+44 20 7946 0018'];

  it('find a document by any words or word prefixes, in any order and case', () => {
    expect(finds(ada, 'ada')).toBe(true);
    expect(finds(ada, 'LOVE ad')).toBe(true);
    expect(finds(ada, 'analytical.example')).toBe(true);
    expect(finds(ada, 'ada.lovelace@analytical.example')).toBe(true);
    expect(finds(ada, 'ada babbage')).toBe(false);
    expect(finds(ada, 'velace')).toBe(false);
  });

  it('find phone numbers by their digits, however they are written', () => {
    expect(finds(ada, '442079')).toBe(true);
    expect(finds(ada, '+44 (20) 7946')).toBe(true);
    expect(finds(ada, '7946 0018')).toBe(true);
  });

  it('ignore accents and keep letters of every script', () => {
    expect(finds(['Zoë Åberg'], 'zoe aberg')).toBe(true);
    expect(finds(['Łukasz Müller'], 'müll')).toBe(true);
    expect(finds(['東京 株式会社'], '東京')).toBe(true);
  });

  it('ask for nothing when a query has no word of two characters', () => {
    expect(searchQueryTerms('a . -')).toEqual([]);
    expect(finds(ada, 'a')).toBe(false);
  });

  it('cut long words to 20 characters on both sides', () => {
    const long = 'Supercalifragilisticexpialidocious';
    expect(finds([long], long)).toBe(true);
    expect(Math.max(...searchTermsOf([long]).map((term) => term.length))).toBe(20);
  });

  it('keep the terms of the current document while its searchable texts stay the same', () => {
    type Doc = { name: string; score: number; _search?: string[] };
    const textsOf = (doc: Doc) => [doc.name];
    const first = withSearchTerms<Doc>({ name: 'Ada', score: 1 }, undefined, textsOf);
    expect(first._search).toEqual(['ad', 'ada']);
    const scored = withSearchTerms<Doc>({ ...first, score: 2 }, first, textsOf);
    expect(scored._search).toBe(first._search);
    const renamed = withSearchTerms<Doc>({ ...scored, name: 'Grace' }, scored, textsOf);
    expect(renamed._search).toEqual(searchTermsOf(['Grace']));
  });
});
