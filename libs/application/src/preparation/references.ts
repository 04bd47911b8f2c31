import { AggregateKind } from '@crm/domain';
import { RecordLookup } from './command-preparer';

type Data = Record<string, unknown>;

/** A field of a command's data that names a record of another kind. */
export type ReferenceField = { field: string; kind: AggregateKind };

/** Checks, in order, that every reference present in the data names an existing record. */
export const requireReferences = async (
  data: Data,
  references: readonly ReferenceField[],
  lookup: RecordLookup,
): Promise<void> => {
  for (const { field, kind } of references) {
    const value = data[field];
    if (typeof value === 'string') await lookup.require(field, kind, value);
  }
};

export const dataOf = (command: { data: unknown }): Data => command.data as Data;
