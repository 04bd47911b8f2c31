import { Document } from '@crm/read-store';

/** A document as views answer it: without the store's own fields (`_id`, `_position`). */
export type View<T extends Document> = T extends Document ? Omit<T, '_id'> : never;

/** A copy of the document without the fields whose names start with `_`. */
export const viewOf = <T extends Document>(document: T): View<T> =>
  Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_'))) as View<T>;
