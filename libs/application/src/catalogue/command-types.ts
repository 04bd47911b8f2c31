import { AggregateKind, aggregateDeciders } from '@crm/domain';

/** Type-level views of the domain's command unions, keyed by aggregate kind and command type. */

/** Every command the kind's decider takes. */
export type DomainCommandOf<K extends AggregateKind> = Parameters<
  (typeof aggregateDeciders)[K]['decide']
>[0];

export type CommandTypeOf<K extends AggregateKind> = DomainCommandOf<K>['type'];

export type AnyDomainCommand = DomainCommandOf<AggregateKind>;

/** Every command type of every aggregate. */
export type CommandType = AnyDomainCommand['type'];

/** The data the decider receives for a command type. */
export type CommandDataOf<T extends CommandType> = Extract<AnyDomainCommand, { type: T }>['data'];

/** The aggregate kind a command type belongs to. */
export type KindOfCommand<T extends CommandType> = {
  [K in AggregateKind]: T extends CommandTypeOf<K> ? K : never;
}[AggregateKind];

/**
 * What a client sends for each command of a kind: the decider's data, except where `Overrides`
 * names a different intent (a preparer then adds the facts the decider needs).
 */
export type IntentsOf<
  K extends AggregateKind,
  Overrides extends { [T in CommandTypeOf<K>]?: object } = object,
> = {
  [T in CommandTypeOf<K>]: T extends keyof Overrides ? Overrides[T] : CommandDataOf<T>;
};

/** The names of a route's path parameters: `'/deals/:id/stage'` has `'id'`. */
export type PathParams<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParams<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? Name
    : never;
