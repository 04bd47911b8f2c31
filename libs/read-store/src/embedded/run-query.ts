import { Document, Filter, FindOptions } from '../document-store';
import { mingoQuery } from './mingo-query';

/**
 * MongoDB's find over candidate documents, through mingo: filter, then sort, skip and limit,
 * then projection (so a sort may use a field the projection leaves out). As in MongoDB, a limit
 * of 0 means no limit and a negative limit its absolute value. The candidates must be the
 * caller's own copies (the store parses them fresh from JSON): they are returned as they are.
 */
export const findIn = (
  candidates: Iterable<Document>,
  filter: Filter,
  options: FindOptions = {},
): Document[] => {
  const cursor = mingoQuery(filter).find<Document>(candidates, options.projection ?? {});
  if (options.sort && Object.keys(options.sort).length > 0) cursor.sort(options.sort);
  const skip = checkedSkip(options);
  if (skip > 0) cursor.skip(skip);
  const limit = effectiveLimit(options);
  if (limit > 0) cursor.limit(limit);
  return cursor.all();
};

export const checkedSkip = (options: FindOptions): number => {
  const skip = options.skip ?? 0;
  if (skip < 0) throw new RangeError(`skip must not be negative, got ${skip}`);
  return skip;
};

/** 0: no limit. */
export const effectiveLimit = (options: FindOptions): number => Math.abs(options.limit ?? 0);

/** Only the projection of `options`, for documents that already are the answer, in order. */
export const projectAll = (documents: Document[], options: FindOptions): Document[] =>
  options.projection && Object.keys(options.projection).length > 0
    ? mingoQuery({}).find<Document>(documents, options.projection).all()
    : documents;
