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
 * The entries of a document in a (compound) index and whether it is "plain" there: every field
 * holds at most one scalar (no array met along the path, no subdocument at its end; a missing or
 * null field gives a null in the entry, see IndexShape for what that allows). A plain index has
 * exactly one entry per document, so SQL alone can answer a filter on it; an index that ever saw
 * a non-plain document (MongoDB's "multikey") only narrows candidates, and the full filter runs
 * on them.
 *
 * Arrays met along a path or at its end are expanded (MongoDB's multikey reading), so
 * `{ tags: 'vip' }` finds documents whose array holds 'vip'; a numeric segment also indexes into
 * an array (`tags.0`). The entries may hold values no query can match; they never miss one.
 */
export const indexEntriesOf = (
  document: unknown,
  fields: readonly string[],
): { entries: IndexEntry[]; plain: boolean } =>
  topLevelScalars(document, fields) ?? walkedEntriesOf(document, fields);

/**
 * The common case without walking paths: every field a top-level key holding one scalar gives
 * one plain entry (what walking finds too). Undefined for anything else.
 */
const topLevelScalars = (
  document: unknown,
  fields: readonly string[],
): { entries: IndexEntry[]; plain: boolean } | undefined => {
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
  return { entries: [entry], plain: true };
};

const walkedEntriesOf = (
  document: unknown,
  fields: readonly string[],
): { entries: IndexEntry[]; plain: boolean } => {
  let plain = true;
  let entries: IndexEntry[] = [[]];
  for (const field of fields) {
    const found = { values: new Set<IndexableValue>(), plain: true };
    collect(document, field.split('.'), found);
    if (!found.plain) plain = false;
    const values: (IndexableValue | null)[] = found.values.size > 0 ? [...found.values] : [null];
    entries = entries.flatMap((prefix) => values.map((value) => [...prefix, value]));
  }
  return { entries, plain };
};

/** The key of one entry, for comparing entries: JSON keeps 100, '100', true and null apart. */
export const entryKey = (entry: IndexEntry): string => JSON.stringify(entry);

type Found = { values: Set<IndexableValue>; plain: boolean };

const collect = (node: unknown, segments: readonly string[], found: Found): void => {
  if (Array.isArray(node)) {
    found.plain = false;
    for (const element of node) collect(element, segments, found);
    if (segments.length > 0 && /^\d+$/.test(segments[0])) {
      collect(node[Number(segments[0])], segments.slice(1), found);
    }
    return;
  }
  if (segments.length === 0) {
    if (isIndexableValue(node)) found.values.add(node);
    else if (node !== null && node !== undefined) found.plain = false;
    return;
  }
  if (isPlainObject(node) && Object.prototype.hasOwnProperty.call(node, segments[0])) {
    collect(node[segments[0]], segments.slice(1), found);
  }
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
