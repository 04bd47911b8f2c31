import { AnyMongoAbility, MongoQuery } from '@casl/ability';
import { rulesToCondition } from '@casl/ability/extra';
import { AggregateKind } from '@crm/domain';
import { recordProjections } from '@crm/projections';
import { Document, Filter } from '@crm/read-store';
import { Query } from 'mingo';

/**
 * Which records of each kind a caller may read, as read-store filters: the caller's row rules
 * (CASL conditions, which are MongoDB queries) turned into one filter per kind. A kind left out
 * is read whole; `NOTHING` matches no document.
 */
export type ReadScope = { readonly filters: Readonly<Partial<Record<AggregateKind, Filter>>> };

/** Every record of every kind: what trusted readers (the CLI, processes, admins) see. */
export const UNSCOPED: ReadScope = { filters: {} };

/** Matches no document (`_id` is never among no ids). */
export const NOTHING: Filter = { _id: { $in: [] } };

const KINDS = Object.keys(recordProjections) as AggregateKind[];

const conditionOf = (rule: { inverted: boolean; conditions?: MongoQuery }): Filter =>
  (rule.inverted ? { $nor: [rule.conditions ?? {}] } : (rule.conditions ?? {})) as Filter;

/**
 * The filter of the records of `kind` that `ability` lets read: undefined when every record,
 * NOTHING when none.
 */
export const readFilterOf = (ability: AnyMongoAbility, kind: AggregateKind): Filter | undefined => {
  const filter = rulesToCondition(ability.rulesFor('read', kind), conditionOf, {
    and: (conditions: Filter[]): Filter => ({ $and: conditions }),
    or: (conditions: Filter[]): Filter =>
      conditions.length === 1 ? conditions[0] : { $or: conditions },
    empty: (): Filter => ({}),
  });
  if (filter === null) return NOTHING;
  return Object.keys(filter).length === 0 ? undefined : filter;
};

/** The caller's read scope over every kind of record, from their CASL ability. */
export const readScopeOf = (ability: AnyMongoAbility): ReadScope => ({
  filters: Object.fromEntries(
    KINDS.flatMap((kind) => {
      const filter = readFilterOf(ability, kind);
      return filter === undefined ? [] : [[kind, filter]];
    }),
  ),
});

/** Whether the scope lets the caller read this document of `kind` (checked in memory). */
export const scopeAllows = (scope: ReadScope, kind: AggregateKind, document: Document): boolean => {
  const filter = scope.filters[kind];
  return filter === undefined || new Query(filter).test(document);
};

/** `filter` narrowed to the scope's filter for `kind` (kept under `$and`, so indexes still serve the rest). */
export const withinScope = (filter: Filter, scopeFilter: Filter | undefined): Filter => {
  if (scopeFilter === undefined) return filter;
  const earlier = Array.isArray(filter.$and) ? (filter.$and as Filter[]) : [];
  return { ...filter, $and: [...earlier, scopeFilter] };
};

/** The kind whose records a read-model collection holds (by its logical name), if any. */
export const kindOfCollection = (logicalName: string): AggregateKind | undefined =>
  KINDS.find((kind) => recordProjections[kind].name === logicalName);
