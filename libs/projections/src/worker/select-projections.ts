import { Projection } from '../projection';
import { allProjections } from '../read-models/all-projections';

export class UnknownProjectionError extends Error {
  constructor(
    readonly unknown: readonly string[],
    readonly valid: readonly string[],
  ) {
    super(`unknown projection(s): ${unknown.join(', ')}; valid names are: ${valid.join(', ')}`);
    this.name = 'UnknownProjectionError';
  }
}

/**
 * The projections named in a comma-separated list (`contacts,deals`), in their canonical order;
 * every projection when the list is empty or absent. An unknown name is an error that lists the
 * valid ones.
 */
export const selectProjections = (
  list: string | undefined,
  available: readonly Projection[] = allProjections,
): Projection[] => {
  const names = (list ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  if (names.length === 0) return [...available];
  const valid = available.map((projection) => projection.name);
  const unknown = [...new Set(names.filter((name) => !valid.includes(name)))];
  if (unknown.length > 0) throw new UnknownProjectionError(unknown, valid);
  return available.filter((projection) => names.includes(projection.name));
};
