import { AggregateKind } from '@crm/domain';
import { CommandContext } from '../command-context';
import { RecordLookup } from '../preparation/command-preparer';
import { CommandDataOf, CommandType, CommandTypeOf } from './command-types';

/** Keys of `I` whose values are record ids (strings), so they can name another record. */
type StringKeys<I> = { [F in keyof I]-?: NonNullable<I[F]> extends string ? F : never }[keyof I] &
  string;

/** A field of the intent that names a record of another kind: it must exist in the tenant (else 422). */
export type ReferenceField<I> = { field: StringKeys<I>; kind: AggregateKind };

/**
 * Runs before the decider, after the references are checked: checks what cannot be said as a
 * reference and adds the facts the decider cannot load itself (a pipeline's stages, derived ids).
 */
export type Preparer<I, D> = (
  intent: I,
  context: CommandContext,
  lookup: RecordLookup,
) => Promise<D>;

export type HttpMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** How a command is reached over HTTP; `handler` names the controller method (and so the OpenAPI operation id). */
export type CommandRoute = {
  method: HttpMethod;
  path: `/${string}`;
  summary: string;
  handler: string;
};

/**
 * A command only the system issues (a process or timer, under a `process:` principal): it has no
 * HTTP route, so no client can send it, yet it has a permission like any other command.
 */
export const NO_ROUTE = 'none';
export type NoRoute = typeof NO_ROUTE;

/** `<kind>:<action>` in kebab-case, e.g. `deal:move-stage`. */
export type PermissionOf<K extends AggregateKind> = `${K}:${string}`;

type EntryBase<K extends AggregateKind, I> = {
  /** The command brings its record into existence; every other one needs it to exist. */
  creates?: true;
  permission: PermissionOf<K>;
  /** Checked in order before `prepare`; a field left out of the intent is not checked. */
  references?: readonly ReferenceField<I>[];
  route: CommandRoute | NoRoute;
  /**
   * Process managers the command's events set going (by name). The answer waits, within the
   * read wait, until they have handled them, and its position covers what they wrote.
   */
  followedBy?: readonly string[];
};

/** One command, declared once. An intent that is not already the decider's data needs a preparer. */
export type CatalogueEntry<K extends AggregateKind, T extends CommandType, I> = EntryBase<K, I> &
  ([I] extends [CommandDataOf<T>]
    ? { prepare?: Preparer<I, CommandDataOf<T>> }
    : { prepare: Preparer<I, CommandDataOf<T>> });

/** Every command of one aggregate kind: leaving one out fails the type check. */
export type KindCatalogue<K extends AggregateKind, I extends Record<CommandTypeOf<K>, object>> = {
  [T in CommandTypeOf<K>]: CatalogueEntry<K, T, I[T]>;
};
