import { Collection, IndexDescription } from 'mongodb';
import { IndexSpec } from '../document-store';
import { indexModel } from './index-model';
import { isNamespaceNotFoundError } from './mongo-errors';

const sameKey = (a: Record<string, unknown>, b: Record<string, unknown>): boolean =>
  JSON.stringify(Object.entries(a)) === JSON.stringify(Object.entries(b));

/** The collection's indexes, name to key; none when the collection does not exist yet. */
const existingIndexes = async (
  collection: Collection,
): Promise<Map<string, Record<string, unknown>>> => {
  try {
    const indexes = await collection.listIndexes().toArray();
    return new Map(
      indexes.map((index) => [String(index.name), index.key as Record<string, unknown>]),
    );
  } catch (error) {
    if (isNamespaceNotFoundError(error)) return new Map();
    throw error;
  }
};

/** Declared indexes to build: missing, or present under the same name with another key. */
export const indexesToBuild = (
  declared: readonly IndexDescription[],
  existing: ReadonlyMap<string, Record<string, unknown>>,
): { create: IndexDescription[]; replace: string[] } => {
  const create: IndexDescription[] = [];
  const replace: string[] = [];
  for (const model of declared) {
    const name = String(model.name);
    const key = existing.get(name);
    if (key && sameKey(key, model.key as Record<string, unknown>)) continue;
    if (key) replace.push(name);
    create.push(model);
  }
  return { create, replace };
};

/**
 * Creates the declared indexes that are missing. A projection whose index changed under the same
 * name would make `createIndexes` fail (IndexKeySpecsConflict) and stop the start-up; instead the
 * old index of that name is dropped and the new one built (queries work meanwhile, only slower).
 * Indexes already there are not sent again: FerretDB 1.24 drops the connection when asked to
 * create an index that exists. Indexes not declared are left alone.
 */
export const ensureIndexes = async (
  collection: Collection,
  indexes: readonly IndexSpec[],
): Promise<void> => {
  if (indexes.length === 0) return;
  const { create, replace } = indexesToBuild(
    indexes.map(indexModel),
    await existingIndexes(collection),
  );
  for (const name of replace) await collection.dropIndex(name);
  if (create.length > 0) await collection.createIndexes(create);
};
