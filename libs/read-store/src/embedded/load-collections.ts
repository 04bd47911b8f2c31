import { Document } from '../document-store';
import { MemoryCollection } from './memory-collection';
import { Statements } from './read-statements';

/** Every stored document, read into one MemoryCollection per physical collection. */
export const loadCollections = (statements: Statements): Map<string, MemoryCollection> => {
  const collections = new Map<string, MemoryCollection>();
  for (const row of statements.loadDocuments.iterate()) {
    let collection = collections.get(row.collection);
    if (!collection) {
      collection = new MemoryCollection();
      collections.set(row.collection, collection);
    }
    collection.set(row.id, JSON.parse(row.doc) as Document);
  }
  return collections;
};
