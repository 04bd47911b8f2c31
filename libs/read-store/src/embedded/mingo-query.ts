import { createRequire } from 'node:module';
import type { Query } from 'mingo';
import { Filter } from '../document-store';

type Mingo = typeof import('mingo');

let mingo: Mingo | undefined;

/**
 * A mingo query over `filter`. mingo is loaded on the first query, not when the store opens: a
 * process starts without it, and one that never queries (a projector) never loads it.
 */
export const mingoQuery = (filter: Filter): Query => {
  mingo ??= createRequire(__filename)('mingo') as Mingo;
  return new mingo.Query(filter);
};
