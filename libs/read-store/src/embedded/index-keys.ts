/** A value an index column can hold: what a filter may compare a field with in SQL. */
export type IndexableValue = string | number | boolean;

/** One row of an index: a value (or null: missing, null or not a scalar) per index field. */
export type IndexEntry = (IndexableValue | null)[];

/** True for the filter values an index can answer: strings, booleans and finite numbers. */
export const isIndexableValue = (value: unknown): value is IndexableValue =>
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value));

/**
 * The entries of a document in a (compound) index, and the fields (bit i for field i) where it
 * held an array of scalars; `arrays` is null where it held anything else that is not one scalar:
 * a subdocument, a non-finite number, an array holding an array or a subdocument, or an array met
 * along a dotted path. A missing or null field gives a null in the entry (see IndexShape for what
 * that allows). With `arrays` 0 the document is "plain" there: exactly one entry, so SQL alone can
 * answer a filter on the index. With arrays of scalars only, it has one entry per combination of
 * their distinct elements (see filter-plan.ts for what SQL may still answer alone); otherwise the
 * index only narrows candidates (MongoDB's "multikey"), and the full filter runs on them.
 *
 * Arrays met along a path or at its end are expanded (MongoDB's multikey reading), so
 * `{ tags: 'vip' }` finds documents whose array holds 'vip'; a numeric segment also indexes into
 * an array (`tags.0`). The entries may hold values no query can match; they never miss one.
 */
export type FoundEntries = { entries: IndexEntry[]; arrays: number | null };

export const indexEntriesOf = (document: unknown, fields: readonly string[]): FoundEntries =>
  topLevelScalars(document, fields) ?? walkedEntriesOf(document, fields);

/**
 * The common case without walking paths: every field a top-level key holding one scalar gives
 * one plain entry (what walking finds too). Undefined for anything else.
 */
const topLevelScalars = (
  document: unknown,
  fields: readonly string[],
): FoundEntries | undefined => {
  if (!isPlainObject(document)) return undefined;
  const entry: IndexEntry = [];
  for (const field of fields) {
    if (field.includes('.') || !Object.prototype.hasOwnProperty.call(document, field)) {
      return undefined;
    }
    const value = document[field];
    if (!isIndexableValue(value)) return undefined;
    entry.push(value);
  }
  return { entries: [entry], arrays: 0 };
};

const walkedEntriesOf = (document: unknown, fields: readonly string[]): FoundEntries => {
  let arrays: number | null = 0;
  let entries: IndexEntry[] = [[]];
  for (const [i, field] of fields.entries()) {
    const found: Found = { values: new Set<IndexableValue>(), array: false, other: false };
    collect(document, field.split('.'), found);
    if (found.other) arrays = null;
    else if (found.array && arrays !== null) arrays |= 1 << i;
    const values: (IndexableValue | null)[] = found.values.size > 0 ? [...found.values] : [null];
    entries = entries.flatMap((prefix) => values.map((value) => [...prefix, value]));
  }
  return { entries, arrays };
};

/** The key of one entry, for comparing entries: JSON keeps 100, '100', true and null apart. */
export const entryKey = (entry: IndexEntry): string => JSON.stringify(entry);

/**
 * The distinct values met (a set: an element repeated in an array gives one entry), whether an
 * array of scalars ended the path, and whether anything else that is not one scalar was met.
 */
type Found = { values: Set<IndexableValue>; array: boolean; other: boolean };

const isScalarOrNull = (value: unknown): boolean => value === null || isIndexableValue(value);

const collect = (node: unknown, segments: readonly string[], found: Found): void => {
  if (Array.isArray(node)) {
    if (segments.length === 0 && node.every(isScalarOrNull)) found.array = true;
    else found.other = true;
    for (const element of node) collect(element, segments, found);
    if (segments.length > 0 && /^\d+$/.test(segments[0])) {
      collect(node[Number(segments[0])], segments.slice(1), found);
    }
    return;
  }
  if (segments.length === 0) {
    if (isIndexableValue(node)) found.values.add(node);
    else if (node !== null && node !== undefined) found.other = true;
    return;
  }
  if (isPlainObject(node) && Object.prototype.hasOwnProperty.call(node, segments[0])) {
    collect(node[segments[0]], segments.slice(1), found);
  }
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
