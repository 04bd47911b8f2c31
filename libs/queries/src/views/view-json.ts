import { Document } from '@crm/read-store';

/** A document as views answer it: without the store's own fields (`_id`, `_position`, `_…`). */
export type View<T extends Document> = T extends Document
  ? { [K in keyof T as K extends `_${string}` ? never : K]: T[K] }
  : never;

/** A copy of the document without the fields whose names start with `_`. */
export const viewOf = <T extends Document>(document: T): View<T> =>
  Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_'))) as View<T>;
