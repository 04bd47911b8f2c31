import { AggregateKind } from '@crm/domain';
import { Projection } from '@crm/projections';
import { ReadModels } from '../read-models';

/**
 * Whether report rows (and the index-only collections beside them) can answer: the caller reads
 * every record of `kind` (the rows mix every owner's records), the projections are built with
 * (at least) the version whose rows and fields the report reads, and the read is not as of a past
 * moment (they keep no history; `isBuilt` is false then).
 */
export const rowsAnswer = async (
  readModels: ReadModels,
  kind: AggregateKind,
  projections: readonly Pick<Projection, 'name' | 'version'>[],
): Promise<boolean> => {
  if (readModels.scope.filters[kind] !== undefined) return false;
  const built = await Promise.all(
    projections.map(({ name, version }) => readModels.isBuilt(name, version)),
  );
  return built.every(Boolean);
};
