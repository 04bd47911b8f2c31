import { Document, Filter, IndexSpec } from '../document-store';
import { HashIndex } from './hash-index';
import { candidatesFor } from './query-plan';

/**
 * One physical collection held in memory: its documents by id and the equality indexes declared
 * on it, kept in step on every change. Documents here are the store's own copies: callers
 * receive clones, never these objects.
 */
export class MemoryCollection {
  private readonly documents = new Map<string, Document>();
  private readonly indexes: HashIndex[] = [];

  get(id: string): Document | undefined {
    return this.documents.get(id);
  }

  /** Stores `document` under `id`, or removes it when undefined; indexes follow. */
  set(id: string, document: Document | undefined): void {
    const before = this.documents.get(id);
    for (const index of this.indexes) index.update(id, before, document);
    if (document) this.documents.set(id, document);
    else this.documents.delete(id);
  }

  /** Declares an index; one already declared on the same fields is kept as it is. */
  ensureIndex(spec: IndexSpec): void {
    if (spec.fields.length === 0) throw new Error('an index needs at least one field');
    if (this.indexes.some((index) => HashIndex.sameFields(spec, index))) return;
    const index = new HashIndex([...spec.fields]);
    for (const [id, document] of this.documents) index.update(id, undefined, document);
    this.indexes.push(index);
  }

  /** The documents `filter` may match (a superset); the caller applies the filter. */
  candidates(filter: Filter): Iterable<Document> {
    return candidatesFor(filter, this.documents, this.indexes);
  }
}
