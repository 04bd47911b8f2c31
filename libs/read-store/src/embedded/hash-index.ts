import { Document, IndexSpec } from '../document-store';
import { encodeKey, IndexableValue, indexKeysOf } from './index-keys';

/**
 * An in-memory equality index over some fields: from the key of their values to the ids of the
 * documents holding them. It only narrows candidates; callers still run the full filter.
 */
export class HashIndex {
  private readonly ids = new Map<string, Set<string>>();

  constructor(readonly fields: readonly string[]) {}

  static sameFields(spec: IndexSpec, index: HashIndex): boolean {
    return (
      spec.fields.length === index.fields.length &&
      spec.fields.every((field, position) => field === index.fields[position])
    );
  }

  /** Replaces what the index knows of one document: `before` is removed, `after` added. */
  update(id: string, before: Document | undefined, after: Document | undefined): void {
    if (before) for (const key of indexKeysOf(before, this.fields)) this.remove(key, id);
    if (after) for (const key of indexKeysOf(after, this.fields)) this.add(key, id);
  }

  /** Ids of the documents whose fields hold these values, in field order. */
  lookup(values: readonly IndexableValue[]): ReadonlySet<string> {
    return this.ids.get(encodeKey(values)) ?? new Set();
  }

  private add(key: string, id: string): void {
    const ids = this.ids.get(key);
    if (ids) ids.add(id);
    else this.ids.set(key, new Set([id]));
  }

  private remove(key: string, id: string): void {
    const ids = this.ids.get(key);
    if (!ids) return;
    ids.delete(id);
    if (ids.size === 0) this.ids.delete(key);
  }
}
