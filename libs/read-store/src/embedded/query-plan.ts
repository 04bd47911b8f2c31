import { Document, Filter } from '../document-store';
import { HashIndex } from './hash-index';
import { IndexableValue, isIndexableValue } from './index-keys';

/**
 * The documents a filter can possibly match, before the filter itself runs on them:
 * - a plain `_id` equality reads that one document;
 * - plain equality values (string, number, boolean) for every field of an index use that index
 *   (the one with most fields when several qualify);
 * - anything else scans the collection.
 * Only top-level keys of the filter count; operators (`$in`, `$or`, ranges) always scan.
 */
export const candidatesFor = (
  filter: Filter,
  documents: ReadonlyMap<string, Document>,
  indexes: readonly HashIndex[],
): Iterable<Document> => {
  const id = plainEquality(filter, '_id');
  if (typeof id === 'string') {
    const document = documents.get(id);
    return document ? [document] : [];
  }
  const index = bestIndex(filter, indexes);
  if (!index) return documents.values();
  const values = index.fields.map((field) => plainEquality(filter, field) as IndexableValue);
  return [...index.lookup(values)]
    .map((candidate) => documents.get(candidate))
    .filter((document): document is Document => document !== undefined);
};

const bestIndex = (filter: Filter, indexes: readonly HashIndex[]): HashIndex | undefined =>
  indexes
    .filter((index) => index.fields.every((field) => plainEquality(filter, field) !== undefined))
    .reduce<HashIndex | undefined>(
      (best, index) => (best && best.fields.length >= index.fields.length ? best : index),
      undefined,
    );

const plainEquality = (filter: Filter, field: string): IndexableValue | undefined => {
  if (!Object.hasOwn(filter, field)) return undefined;
  const value = filter[field];
  return isIndexableValue(value) ? value : undefined;
};
