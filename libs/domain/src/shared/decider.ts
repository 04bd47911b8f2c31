/**
 * The decider shape every aggregate follows: pure, synchronous functions over plain data.
 * `decide` throws a DomainError when a rule refuses the command.
 */
export type CommandMetadata = {
  /** The clock reading the application layer passes in, so deciders stay pure. */
  now: Date;
};

export type Command<Type extends string = string, Data = unknown> = {
  type: Type;
  data: Data;
  metadata: CommandMetadata;
};

export type DomainEvent<Type extends string = string, Data = unknown> = {
  type: Type;
  data: Data;
};

export type Decider<C extends Command, E extends DomainEvent, S> = {
  initialState: () => S;
  evolve: (state: S, event: E) => S;
  decide: (command: C, state: S) => E[];
};

/** Folds a list of events into a state, starting from the decider's initial state. */
export const foldEvents = <C extends Command, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  events: readonly E[],
): S => events.reduce(decider.evolve, decider.initialState());
