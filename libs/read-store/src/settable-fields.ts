import { DocumentFields } from './document-store';

/** A field name a `set` write may change: top-level, and quotable in a JSON path as it is. */
const SETTABLE_FIELD = /^[^.$"][^."]*$/;

/**
 * Refuses, before anything is written, a `set` write that no store could apply alike: a path
 * instead of a top-level field, `_id`, an operator-like name, or a value that is not JSON.
 */
export const assertSettableFields = (
  collection: string,
  id: string,
  fields: DocumentFields,
): void => {
  for (const [field, value] of Object.entries(fields)) {
    if (field === '_id' || !SETTABLE_FIELD.test(field)) {
      throw new TypeError(`${collection}/${id}: a set write cannot change the field "${field}"`);
    }
    if (value === undefined || typeof JSON.stringify(value) !== 'string') {
      throw new TypeError(`${collection}/${id}: a set write needs a JSON value for "${field}"`);
    }
  }
};
