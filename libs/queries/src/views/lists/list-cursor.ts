/**
 * The cursor of a keyset-paginated list: the sort value and id of the last item of a page,
 * opaque to clients (base64url of JSON). The next page starts strictly after that item, so
 * records written between two requests neither repeat nor shift the items already seen.
 */

export type SortValue = string | number;

export type ListCursor = { value: SortValue; id: string };

export const encodeListCursor = ({ value, id }: ListCursor): string =>
  Buffer.from(JSON.stringify([value, id]), 'utf8').toString('base64url');

const BASE64URL = /^[A-Za-z0-9_-]{1,512}$/;

const isSortValue = (value: unknown): value is SortValue =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

/** The cursor `text` encodes, or undefined when it is not one this API gave out. */
export const decodeListCursor = (text: string): ListCursor | undefined => {
  if (!BASE64URL.test(text)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
  const [value, id] = parsed as unknown[];
  if (!isSortValue(value) || typeof id !== 'string' || id.length === 0) return undefined;
  return { value, id };
};
