import { Document } from '@crm/read-store';
import { answerMoney, MoneyAnswered } from './money-answers';

/**
 * A document as views answer it: without the store's own fields (`_id`, `_position`, `_…`), its
 * money in major units.
 */
export type View<T extends Document> = T extends Document
  ? MoneyAnswered<{ [K in keyof T as K extends `_${string}` ? never : K]: T[K] }>
  : never;

/** A copy of the document without the fields whose names start with `_`, money answered. */
export const viewOf = <T extends Document>(document: T): View<T> =>
  answerMoney(
    Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith('_'))),
  ) as View<T>;
