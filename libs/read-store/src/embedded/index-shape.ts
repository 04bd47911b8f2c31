import { IndexEntry } from './index-keys';

/**
 * What the documents of an index held in its fields, as far as SQL's answers depend on it.
 * `plain`: none held an array or a subdocument there, so each has exactly one entry and SQL's
 * rows are the matches. `sparse`: the fields (bit i for field i) some document held nothing in
 * (missing or null). Nothing is stored as a value no condition equals or ranges over, so a
 * conditioned sparse column still filters exactly; but MongoDB sorts nothing first where SQLite
 * sorts it last, so SQL may sort on a sparse column only where a condition leaves nothing out.
 * Both only widen: once not plain or sparse, always so.
 */
export type IndexShape = { plain: boolean; sparse: number };

/** The shape of an index before any document: plain and without nothing anywhere. */
export const EMPTY_SHAPE: IndexShape = { plain: true, sparse: 0 };

/** Bit masks need one bit per field. */
export const MAX_INDEX_FIELDS = 30;

const sparseColumnsOf = (entries: readonly IndexEntry[]): number => {
  let sparse = 0;
  for (const entry of entries) {
    entry.forEach((value, i) => {
      if (value === null) sparse |= 1 << i;
    });
  }
  return sparse;
};

/** The shape once a document with these entries is indexed; undefined when it stays the same. */
export const widenedShape = (
  shape: IndexShape,
  found: { entries: readonly IndexEntry[]; plain: boolean },
): IndexShape | undefined => {
  const plain = shape.plain && found.plain;
  const sparse = shape.sparse | sparseColumnsOf(found.entries);
  return plain === shape.plain && sparse === shape.sparse ? undefined : { plain, sparse };
};

/** True when some document held nothing in the index's field at `position`. */
export const isSparseAt = (shape: IndexShape, position: number): boolean =>
  (shape.sparse & (1 << position)) !== 0;
