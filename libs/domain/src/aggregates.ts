import { Command, Decider, DomainEvent } from './shared';
import { taskDecider } from './task';

/**
 * Every aggregate by its kind: the kind names its streams (`task-<tenant>.<id>`) and its
 * commands' route in the application layer.
 */
export const aggregateDeciders = {
  task: taskDecider,
} as const;

export type AggregateKind = keyof typeof aggregateDeciders;

export type AnyDecider = Decider<Command, DomainEvent, unknown>;

export const isAggregateKind = (kind: string): kind is AggregateKind => kind in aggregateDeciders;

export const deciderFor = (kind: AggregateKind): AnyDecider =>
  aggregateDeciders[kind] as unknown as AnyDecider;
