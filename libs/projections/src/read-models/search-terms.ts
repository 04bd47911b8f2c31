/**
 * Word search that every engine answers from an ordinary index: a document stores, in `_search`,
 * every prefix (2 to 20 characters) of every word of its searchable fields, and a query asks for
 * documents holding all of its words. MongoDB's text indexes would not do: FerretDB has none,
 * and their stemming matches neither prefixes nor email parts.
 */

export const SEARCH_FIELD = '_search';
const SHORTEST = 2;
const LONGEST = 20;

/** Lower-case words without accents, split at anything that is not a letter or a digit. */
const wordsOf = (text: string): string[] =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);

/** A phone number's digits as one word too, so `+49 30 1234` is found by `49301`. */
const phoneDigits = (text: string): string[] => {
  if (!/^[\d\s()+./-]+$/.test(text)) return [];
  const digits = text.replace(/\D/g, '');
  return digits.length >= SHORTEST ? [digits] : [];
};

/** The search terms of a document's searchable texts: each word's prefixes, once, sorted. */
export const searchTermsOf = (texts: readonly (string | undefined)[]): string[] => {
  const terms = new Set<string>();
  for (const text of texts) {
    if (text === undefined) continue;
    for (const word of [...wordsOf(text), ...phoneDigits(text)]) {
      for (let length = SHORTEST; length <= Math.min(word.length, LONGEST); length++) {
        terms.add(word.slice(0, length));
      }
    }
  }
  return [...terms].sort();
};

/**
 * The terms a search query asks for: its words of two characters or more, cut to 20. The groups
 * of a phone number are words too, each a prefix of a group the document's number has.
 */
export const searchQueryTerms = (query: string): string[] => [
  ...new Set(
    wordsOf(query)
      .filter((word) => word.length >= SHORTEST)
      .map((word) => word.slice(0, LONGEST)),
  ),
];

type Texts = readonly (string | undefined)[];

const sameTexts = (a: Texts, b: Texts): boolean =>
  a.length === b.length && a.every((text, index) => text === b[index]);

/**
 * `next` with its `_search` terms for `textsOf(next)`: those of `current` when its searchable
 * texts did not change (most events change other fields), else worked out again.
 */
export const withSearchTerms = <D extends { _search?: string[] }>(
  next: D,
  current: D | undefined,
  textsOf: (document: D) => Texts,
): D => {
  const texts = textsOf(next);
  const kept =
    current?._search !== undefined && sameTexts(textsOf(current), texts)
      ? current._search
      : undefined;
  return { ...next, _search: kept ?? searchTermsOf(texts) };
};
