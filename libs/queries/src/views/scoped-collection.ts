import { Document, DocumentCollection, Filter, FindOptions } from '@crm/read-store';
import { Query } from 'mingo';
import { withinScope } from './read-scope';

/**
 * A record collection that shows only the documents `scopeFilter` matches: finds and counts
 * run with it (in the store, beside the caller's filter), single reads are checked in memory.
 */
export const scopedCollection = <T extends Document>(
  inner: DocumentCollection<T>,
  scopeFilter: Filter,
): DocumentCollection<T> => {
  const matcher = new Query(scopeFilter);
  const visible = (document: T | undefined): T | undefined =>
    document !== undefined && matcher.test(document) ? document : undefined;
  return {
    get: async (id) => visible(await inner.get(id)),
    getMany: async (ids) =>
      new Map([...(await inner.getMany(ids))].filter(([, document]) => matcher.test(document))),
    find: (filter, options) => inner.find(withinScope(filter, scopeFilter), options),
    count: (filter) => inner.count(withinScope(filter, scopeFilter)),
  };
};

/** Of a batch of documents, those the caller may see (the check may read other collections). */
export type VisibleOf<T> = (documents: readonly T[]) => Promise<T[]>;

const BATCH = 100;

/**
 * A collection whose visibility is decided per document after reading (a timeline entry is
 * visible when the records it links are): finds read on in batches until the page asked for
 * is full of visible documents, so skip and limit count visible ones only.
 */
export const filteredCollection = <T extends Document>(
  inner: DocumentCollection<T>,
  visibleOf: VisibleOf<T>,
): DocumentCollection<T> => {
  const findVisible = async (filter: Filter, options: FindOptions = {}): Promise<T[]> => {
    const skip = options.skip ?? 0;
    const wanted = Math.abs(options.limit ?? 0);
    if (wanted === 0)
      return (await visibleOf(await inner.find(filter, { ...options, skip: 0 }))).slice(skip);
    const kept: T[] = [];
    const batch = Math.max(BATCH, wanted);
    for (let offset = 0; kept.length < skip + wanted; offset += batch) {
      const read = await inner.find(filter, { ...options, skip: offset, limit: batch });
      kept.push(...(await visibleOf(read)));
      if (read.length < batch) break;
    }
    return kept.slice(skip, skip + wanted);
  };
  return {
    get: async (id) => {
      const document = await inner.get(id);
      return document === undefined ? undefined : (await visibleOf([document]))[0];
    },
    getMany: async (ids) => {
      const documents = await visibleOf([...(await inner.getMany(ids)).values()]);
      return new Map(documents.map((document) => [document._id, document]));
    },
    find: findVisible,
    count: async (filter) => (await findVisible(filter)).length,
  };
};
