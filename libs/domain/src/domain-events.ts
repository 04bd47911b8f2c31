import { aggregateDeciders } from './aggregates';

type Deciders = typeof aggregateDeciders;

/** Every event any aggregate records: what its decider decides, so listing the decider is enough. */
export type AnyDomainEvent = {
  [K in keyof Deciders]: ReturnType<Deciders[K]['decide']>[number];
}[keyof Deciders];

/** The name of every event type: a table keyed by it lists a new event or fails to compile. */
export type DomainEventType = AnyDomainEvent['type'];
