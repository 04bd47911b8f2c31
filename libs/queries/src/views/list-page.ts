import { SEARCH_FIELD, searchQueryTerms } from '@crm/projections';
import { Filter } from '@crm/read-store';

/** Paging and text matching shared by the lists. */

export const LIST_DEFAULT_LIMIT = 50;
export const LIST_MAX_LIMIT = 200;

export type ListPage<T> = { items: T[]; total: number; limit: number; offset: number };

export type PageRequest = { limit?: number; offset?: number };

/** The page asked for, held within bounds: limit 1 to 200 (default 50), offset 0 or more. */
export const pageOf = ({ limit, offset }: PageRequest): { limit: number; offset: number } => ({
  limit: Math.min(LIST_MAX_LIMIT, Math.max(1, Math.floor(limit ?? LIST_DEFAULT_LIMIT))),
  offset: Math.max(0, Math.floor(offset ?? 0)),
});

/** `text` with every regular-expression character escaped, to match it literally. */
export const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A case-insensitive "contains" match on a lower-cased search field. */
export const containsText = (text: string): { $regex: string; $options: string } => ({
  $regex: escapeRegex(text.trim().toLowerCase()),
  $options: 'i',
});

/**
 * Documents holding every word of `query` (or a longer word it begins), from their `_search`
 * terms: the first word through the index, the rest on the documents it finds.
 */
export const searchFilter = (query: string): Filter => {
  const [first, ...rest] = searchQueryTerms(query);
  if (first === undefined) return { [SEARCH_FIELD]: { $in: [] } };
  return {
    [SEARCH_FIELD]: first,
    ...(rest.length > 0 && { $and: [{ [SEARCH_FIELD]: { $all: rest } }] }),
  };
};
