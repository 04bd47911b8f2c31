import { AggregateKind } from '@crm/domain';
import { ReadModels } from '../read-models';

/**
 * Whether report rows (and the index-only collections beside them) can answer: the caller reads
 * every record of `kind` (the rows mix every owner's records), the projections are built, and
 * the read is not as of a past moment (they keep no history; `isBuilt` is false then).
 */
export const rowsAnswer = async (
  readModels: ReadModels,
  kind: AggregateKind,
  projections: readonly string[],
): Promise<boolean> => {
  if (readModels.scope.filters[kind] !== undefined) return false;
  const built = await Promise.all(projections.map((name) => readModels.isBuilt(name)));
  return built.every(Boolean);
};
