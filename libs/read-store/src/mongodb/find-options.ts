import { FindOptions as MongoFindOptions, Sort } from 'mongodb';
import { FindOptions, SortSpec } from '../document-store';

/**
 * Ties are broken by `_id`: MongoDB returns equal sort keys in no fixed order, so without it
 * skip/limit pages could repeat or miss documents. A page without a sort is ordered by `_id`.
 */
export const sortWithTiebreak = (
  sort: SortSpec | undefined,
  paged: boolean,
): SortSpec | undefined => {
  if (sort && Object.keys(sort).length > 0) return '_id' in sort ? sort : { ...sort, _id: 1 };
  return paged ? { _id: 1 } : undefined;
};

export const findOptionsFor = (options: FindOptions = {}): MongoFindOptions => {
  const { sort, skip, limit, projection } = options;
  const ordered = sortWithTiebreak(sort, skip !== undefined || limit !== undefined);
  const result: MongoFindOptions = {};
  if (ordered) result.sort = ordered as Sort;
  if (skip !== undefined) result.skip = skip;
  if (limit !== undefined) result.limit = limit;
  if (projection) result.projection = projection;
  return result;
};
