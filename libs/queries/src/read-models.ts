import { Document, DocumentCollection, DocumentStore } from '@crm/read-store';

const GENERATION_CACHE_MS = 1000;

/**
 * Queries read collections by their logical name (`contacts`); this resolves the generation a
 * projection currently serves (`contacts@v1.2`). A rebuild switches generations in the store;
 * the mapping is re-read at most a second later, or at once after `refresh()`.
 */
export class ReadModels {
  private readonly active = new Map<string, { physical: string; readAt: number }>();

  constructor(private readonly documents: DocumentStore) {}

  async collection<T extends Document>(logicalName: string): Promise<DocumentCollection<T>> {
    const cached = this.active.get(logicalName);
    if (cached && Date.now() - cached.readAt < GENERATION_CACHE_MS) {
      return this.documents.collection<T>(cached.physical);
    }
    const physical = await this.documents.activeGeneration(logicalName);
    if (!physical) return emptyCollection<T>();
    this.active.set(logicalName, { physical, readAt: Date.now() });
    return this.documents.collection<T>(physical);
  }

  refresh(): void {
    this.active.clear();
  }
}

/** A projection that has never been built reads as empty rather than failing. */
const emptyCollection = <T extends Document>(): DocumentCollection<T> => ({
  get: async () => undefined,
  getMany: async () => new Map(),
  find: async () => [],
  count: async () => 0,
});
