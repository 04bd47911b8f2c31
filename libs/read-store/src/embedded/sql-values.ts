import { IndexableValue } from './index-keys';

/** What an index column holds: SQLite's own types keep 100, '100' and true apart. */
export type SqlValue = string | number | Buffer | null;

const FALSE = Buffer.from([0]);
const TRUE = Buffer.from([1]);

/**
 * Booleans become one-byte blobs: SQLite has no boolean, and 0/1 would equal the numbers.
 * SQLite orders NULL < numbers < text < blobs, which is MongoDB's order of null, numbers,
 * strings and booleans, so a sort on a plain index column sorts as MongoDB would.
 */
export const toSqlValue = (value: IndexableValue | null): SqlValue => {
  if (typeof value === 'boolean') return value ? TRUE : FALSE;
  return value;
};
