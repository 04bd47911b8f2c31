import { Collection, Filter as MongoFilter } from 'mongodb';
import { Document, DocumentCollection, Filter, FindOptions } from '../document-store';
import { findOptionsFor } from './find-options';

/** The read side: documents come back exactly as they were stored, `_position` included. */
export const mongoCollection = <T extends Document>(
  collection: Collection<Document>,
): DocumentCollection<T> => {
  const asFilter = (filter: Filter): MongoFilter<Document> => filter as MongoFilter<Document>;
  return {
    async get(id) {
      const found = await collection.findOne({ _id: id });
      return found === null ? undefined : (found as T);
    },
    async getMany(ids) {
      const unique = [...new Set(ids)];
      const found = new Map<string, T>();
      if (unique.length === 0) return found;
      for (const document of await collection.find({ _id: { $in: unique } }).toArray()) {
        found.set(document._id, document as T);
      }
      return found;
    },
    async find(filter: Filter, options?: FindOptions) {
      const documents = await collection.find(asFilter(filter), findOptionsFor(options)).toArray();
      return documents as T[];
    },
    count(filter: Filter) {
      return collection.countDocuments(asFilter(filter));
    },
  };
};
