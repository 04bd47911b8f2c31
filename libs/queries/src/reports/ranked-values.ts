import { Document, DocumentCollection, Filter } from '@crm/read-store';

/*
 * Medians and nearest-rank percentiles read by rank on a sorted index instead of from every value:
 * `skip` to the rank, `limit` 1 or 2. They compute what `median` and `nearestRankPercentile`
 * (statistics.ts) compute over all the values, with the same arithmetic on the same numbers.
 */

/**
 * The documents matching `filter` whose `field` sorts in ascending order, and how many there are.
 * `filter` must not condition `field` itself.
 */
export type RankedValues = {
  collection: DocumentCollection<Document>;
  filter: Filter;
  field: string;
  count: number;
  /** The figure of a stored value (milliseconds to days, ...). */
  toValue: (stored: number) => number;
};

/**
 * "Holds a number": every finite number passes. As a condition on the ranked field it lets the
 * embedded store sort and skip in SQL: the field is missing in the documents that have no such
 * value (open deals have no cycle), and the store orders such a sparse column only where a
 * condition on it leaves the missing ones out. Without it every match is read and sorted in JS.
 */
const ANY_NUMBER = { $gte: -Number.MAX_VALUE };

const valuesAt = async (values: RankedValues, skip: number, limit: number): Promise<number[]> => {
  const found = await values.collection.find(
    { ...values.filter, [values.field]: ANY_NUMBER },
    {
      sort: { [values.field]: 1 },
      skip,
      limit,
      projection: { [values.field]: 1 },
    },
  );
  return found.map((document) => values.toValue(Number(document[values.field])));
};

/**
 * The values at `skip`.. (`limit` of them). The count comes from another projection's rows, which
 * may be a batch ahead of this collection where projections run apart: then the collection's own
 * count decides the rank instead.
 */
const valuesAtRank = async (
  values: RankedValues,
  rankOf: (count: number) => { skip: number; limit: number },
): Promise<number[] | null> => {
  if (values.count === 0) return null;
  const { skip, limit } = rankOf(values.count);
  const found = await valuesAt(values, skip, limit);
  if (found.length === limit) return found;
  const count = await values.collection.count(values.filter);
  if (count === 0) return null;
  const recounted = rankOf(count);
  return valuesAt(values, recounted.skip, recounted.limit);
};

/** The middle value, the mean of the two middle ones for an even count; null for none. */
export const rankedMedian = async (values: RankedValues): Promise<number | null> => {
  const middle = await valuesAtRank(values, (count) =>
    count % 2 === 1 ? { skip: Math.floor(count / 2), limit: 1 } : { skip: count / 2 - 1, limit: 2 },
  );
  if (middle === null) return null;
  return middle.length === 1 ? middle[0] : (middle[0] + middle[1]) / 2;
};

/** The value of rank ⌈percent/100 × n⌉ (1-based) in ascending order; null for none. */
export const rankedNearestPercentile = async (
  values: RankedValues,
  percent: number,
): Promise<number | null> => {
  const found = await valuesAtRank(values, (count) => ({
    skip: Math.max(Math.ceil((percent / 100) * count), 1) - 1,
    limit: 1,
  }));
  return found === null ? null : found[0];
};
