import { AggregateKind } from '@crm/domain';
import { RecordLookup } from './command-preparer';

/** A field that names a record of another kind. */
export type ReferenceCheck = { field: string; kind: AggregateKind };

/** Checks, in order, that every reference present in the data names an existing record. */
export const requireReferences = async (
  data: object,
  references: readonly ReferenceCheck[],
  lookup: RecordLookup,
): Promise<void> => {
  for (const { field, kind } of references) {
    const value: unknown = Object.getOwnPropertyDescriptor(data, field)?.value;
    if (typeof value === 'string') await lookup.require(field, kind, value);
  }
};

/** Checks a list of ids at once; the first missing one is reported as `field[index]`. */
export const requireEach = async (
  field: string,
  kind: AggregateKind,
  ids: readonly string[],
  lookup: RecordLookup,
): Promise<void> => {
  const found = await Promise.all(
    [...new Set(ids)].map(async (id) => [id, await lookup.exists(kind, id)] as const),
  );
  const missing = new Set(found.filter(([, exists]) => !exists).map(([id]) => id));
  const index = ids.findIndex((id) => missing.has(id));
  if (index >= 0) await lookup.require(`${field}[${index}]`, kind, ids[index]);
};
