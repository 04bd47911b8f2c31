import { IndexDescription } from 'mongodb';
import { IndexSpec } from '../document-store';

/** The name an index gets when its spec has none: its fields joined, stable across restarts. */
export const indexName = (spec: IndexSpec): string => spec.name ?? spec.fields.join('_');

/** An IndexSpec as `createIndexes` takes it: every field ascending, in the declared order. */
export const indexModel = (spec: IndexSpec): IndexDescription => {
  if (spec.fields.length === 0) throw new TypeError('An index needs at least one field');
  return {
    key: Object.fromEntries(spec.fields.map((field) => [field, 1 as const])),
    name: indexName(spec),
  };
};
