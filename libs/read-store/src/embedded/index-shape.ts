import { FoundEntries, IndexEntry } from './index-keys';

/**
 * What the documents of an index held in its fields, as far as SQL's answers depend on it.
 * `arrays`: the fields (bit i for field i) some document held an array of scalars in; 0 means the
 * index is plain (every document has exactly one entry, so SQL's rows are the matches); null
 * means some document held something else that is not one scalar (a subdocument, an array of
 * arrays or subdocuments, an array along a dotted path), or the file predates this record: SQL's
 * rows then only narrow the candidates. `sparse`: the fields some document held nothing in
 * (missing or null). Nothing is stored as a value no condition equals or ranges over, so a
 * conditioned sparse column still filters exactly; but MongoDB sorts nothing first where SQLite
 * sorts it last, so SQL may sort on a sparse column only where a condition leaves nothing out.
 * Both only widen: once an array, unknown or sparse, always so.
 */
export type IndexShape = { arrays: number | null; sparse: number };

/** The shape of an index before any document: plain and without nothing anywhere. */
export const EMPTY_SHAPE: IndexShape = { arrays: 0, sparse: 0 };

/** Bit masks need one bit per field. */
export const MAX_INDEX_FIELDS = 30;

/** True when no document ever held an array or a subdocument in the index's fields. */
export const isPlain = (shape: IndexShape): boolean => shape.arrays === 0;

const sparseColumnsOf = (entries: readonly IndexEntry[]): number => {
  let sparse = 0;
  for (const entry of entries) {
    entry.forEach((value, i) => {
      if (value === null) sparse |= 1 << i;
    });
  }
  return sparse;
};

const widenedArrays = (arrays: number | null, found: number | null): number | null =>
  arrays === null || found === null ? null : arrays | found;

/** The shape once a document with these entries is indexed; undefined when it stays the same. */
export const widenedShape = (shape: IndexShape, found: FoundEntries): IndexShape | undefined => {
  const arrays = widenedArrays(shape.arrays, found.arrays);
  const sparse = shape.sparse | sparseColumnsOf(found.entries);
  return arrays === shape.arrays && sparse === shape.sparse ? undefined : { arrays, sparse };
};

/** True when some document held nothing in the index's field at `position`. */
export const isSparseAt = (shape: IndexShape, position: number): boolean =>
  (shape.sparse & (1 << position)) !== 0;

/** True when some document held an array of scalars in the index's field at `position`. */
export const isArrayAt = (shape: IndexShape, position: number): boolean =>
  shape.arrays !== null && (shape.arrays & (1 << position)) !== 0;
