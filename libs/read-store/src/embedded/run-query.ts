import { Query } from 'mingo';
import { Document, Filter, FindOptions } from '../document-store';

/**
 * MongoDB's find over candidate documents, through mingo: filter, then sort, skip and limit,
 * then projection (so a sort may use a field the projection leaves out). As in MongoDB, a limit
 * of 0 means no limit and a negative limit its absolute value. Results are deep copies.
 */
export const findIn = (
  candidates: Iterable<Document>,
  filter: Filter,
  options: FindOptions = {},
): Document[] => {
  const cursor = new Query(filter).find<Document>(candidates, options.projection ?? {});
  if (options.sort && Object.keys(options.sort).length > 0) cursor.sort(options.sort);
  const skip = options.skip ?? 0;
  if (skip < 0) throw new RangeError(`skip must not be negative, got ${skip}`);
  if (skip > 0) cursor.skip(skip);
  const limit = Math.abs(options.limit ?? 0);
  if (limit > 0) cursor.limit(limit);
  return cursor.all().map((document) => structuredClone(document));
};

export const countIn = (candidates: Iterable<Document>, filter: Filter): number => {
  const query = new Query(filter);
  let count = 0;
  for (const document of candidates) if (query.test(document)) count += 1;
  return count;
};
