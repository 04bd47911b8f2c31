import { Command, Decider, DomainError, DomainErrorCode, DomainEvent } from '@crm/domain';

/** The clock every specification uses unless it says `.at(...)`. */
export const SPEC_NOW = new Date('2026-01-15T10:00:00.000Z');

type CommandWithoutMetadata<C extends Command> = C extends Command ? Omit<C, 'metadata'> : never;

/**
 * Given/when/then specifications for deciders:
 *   DeciderSpecification.for(taskDecider).given([scheduled]).when(complete).then([completed])
 */
export const DeciderSpecification = {
  for<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
    return {
      given(events: E[]) {
        return {
          when(command: CommandWithoutMetadata<C>, now: Date = SPEC_NOW) {
            const run = (): E[] => {
              const state = events.reduce(decider.evolve, decider.initialState());
              return decider.decide({ ...command, metadata: { now } } as C, state);
            };
            return {
              then(expected: E[]): void {
                expect(run()).toEqual(expected);
              },
              thenNothingHappens(): void {
                expect(run()).toEqual([]);
              },
              thenThrows(code: DomainErrorCode, kind?: DomainError['kind']): void {
                let thrown: unknown;
                try {
                  run();
                } catch (error) {
                  thrown = error;
                }
                expect(thrown).toBeInstanceOf(DomainError);
                expect((thrown as DomainError).code).toBe(code);
                if (kind) expect((thrown as DomainError).kind).toBe(kind);
              },
            };
          },
        };
      },
    };
  },
};
