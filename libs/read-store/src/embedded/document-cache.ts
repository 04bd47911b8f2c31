import { IndexEntry } from './index-keys';

/**
 * What the store knows of one document without asking SQLite: its JSON (undefined: it does not
 * exist), its row id, and its entries in each index of its collection (by index id), so a write
 * removes only the entries that changed without parsing the old document again.
 */
export type CachedDocument = {
  json: string | undefined;
  rid?: number;
  entries: Map<number, IndexEntry[]>;
};

/** Bytes charged per cached document beside its JSON: keys, maps, index entries. */
const OVERHEAD = 160;

/**
 * A least-recently-used cache of documents bounded by an estimate of the memory it holds
 * (JSON characters plus a fixed overhead per document). Its contents always mirror what
 * SQLite committed: the store updates it only after a transaction has committed.
 */
export class DocumentCache {
  private readonly entries = new Map<string, CachedDocument>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  static key(collection: string, id: string): string {
    return `${collection}\u0000${id}`;
  }

  get(key: string): CachedDocument | undefined {
    const found = this.entries.get(key);
    if (found) {
      // Re-inserting moves it to the most recently used end of the map's order.
      this.entries.delete(key);
      this.entries.set(key, found);
    }
    return found;
  }

  set(key: string, document: CachedDocument): void {
    this.delete(key);
    const size = sizeOf(key, document);
    if (size > this.maxBytes) return;
    this.entries.set(key, document);
    this.bytes += size;
    for (const [oldest, cached] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= sizeOf(oldest, cached);
    }
  }

  delete(key: string): void {
    const found = this.entries.get(key);
    if (!found) return;
    this.entries.delete(key);
    this.bytes -= sizeOf(key, found);
  }

  deleteCollection(collection: string): void {
    const prefix = `${collection}\u0000`;
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.delete(key);
  }

  /** Forgets what it knows of one index (dropped, or its entries being rebuilt). */
  forgetIndex(indexId: number): void {
    for (const cached of this.entries.values()) cached.entries.delete(indexId);
  }

  get size(): { documents: number; bytes: number } {
    return { documents: this.entries.size, bytes: this.bytes };
  }
}

const sizeOf = (key: string, document: CachedDocument): number =>
  key.length + (document.json?.length ?? 0) + OVERHEAD;
