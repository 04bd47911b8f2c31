import { IndexableValue } from './index-keys';

/** What an index column holds: SQLite's own types keep 100, '100' and true apart. */
export type SqlValue = string | number | Buffer | null;

const FALSE = Buffer.from([0]);
const TRUE = Buffer.from([1]);
/** What an index column holds for a missing, null or non-scalar value: no filter value equals it. */
const NOTHING = Buffer.alloc(0);

/**
 * Booleans become one-byte blobs: SQLite has no boolean, and 0/1 would equal the numbers.
 * Nothing (missing, null) becomes the empty blob, so index rows need no NULL and the index
 * tables can be keyed by all their columns; a document holding nothing in a field makes that
 * column sparse (see IndexShape), because MongoDB would sort it first. SQLite orders
 * numbers < text < blobs, as MongoDB orders numbers, strings and booleans, so a sort on a plain
 * index column that holds nothing nowhere it is read sorts as MongoDB would.
 */
export const toSqlValue = (value: IndexableValue | null): SqlValue => {
  if (value === null) return NOTHING;
  if (typeof value === 'boolean') return value ? TRUE : FALSE;
  return value;
};
