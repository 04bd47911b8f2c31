/** A value an equality index can hold: what a filter may compare a field with by plain equality. */
export type IndexableValue = string | number | boolean;

/** True for the filter values an index can answer: strings, booleans and finite numbers. */
export const isIndexableValue = (value: unknown): value is IndexableValue =>
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value));

/**
 * The key of one combination of values, one per index field. JSON keeps types apart, so the
 * number 100 and the string '100' never share a key, as MongoDB never matches them either.
 */
export const encodeKey = (values: readonly IndexableValue[]): string => JSON.stringify(values);

/**
 * Every indexable value a document holds at a dotted path, with MongoDB's multikey reading:
 * arrays met along the path or at its end are expanded, so `{ tags: 'vip' }` and
 * `{ 'relatedTo.id': 'x' }` find documents whose array holds a match. A numeric segment also
 * indexes into an array (`tags.0`). The result may hold values no query can match (arrays are
 * expanded at any depth); it never misses one, because the full filter runs on every candidate.
 */
export const valuesAtPath = (document: unknown, path: string): IndexableValue[] => {
  const found = new Set<IndexableValue>();
  collect(document, path.split('.'), found);
  return [...found];
};

const collect = (node: unknown, segments: readonly string[], found: Set<IndexableValue>): void => {
  if (Array.isArray(node)) {
    for (const element of node) collect(element, segments, found);
    if (segments.length > 0 && /^\d+$/.test(segments[0])) {
      collect(node[Number(segments[0])], segments.slice(1), found);
    }
    return;
  }
  if (segments.length === 0) {
    if (isIndexableValue(node)) found.add(node);
    return;
  }
  if (isPlainObject(node) && Object.prototype.hasOwnProperty.call(node, segments[0])) {
    collect(node[segments[0]], segments.slice(1), found);
  }
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The keys of a document in a (compound) index: one per combination of its values, so a
 * document with two tags has two keys in a `tags` index. No key when a field holds no
 * indexable value: no plain-equality query on that field can match such a document.
 */
export const indexKeysOf = (document: unknown, fields: readonly string[]): Set<string> => {
  let combinations: IndexableValue[][] = [[]];
  for (const field of fields) {
    const values = valuesAtPath(document, field);
    combinations = combinations.flatMap((prefix) => values.map((value) => [...prefix, value]));
    if (combinations.length === 0) break;
  }
  return new Set(combinations.map(encodeKey));
};
