import { ReadModelsBehindError } from './read-models-behind.error';

/** The process is shutting down: what waited for the read side gives up, unparked. */
export class StoppedWaitingError extends Error {
  constructor(position: bigint) {
    super(`stopped waiting for the read models to reach position ${position}`);
    this.name = 'StoppedWaitingError';
  }
}

/**
 * Waits until the read models have applied `position`, however long they lag: a process that
 * reads them is behind them by design, so a bounded wait running out (a catch-up after a start, a
 * rebuild, a stalled projection) is waited out again instead of failing the event. Only
 * `stopping()` ends the wait early.
 */
export const waitPatientlyFor = async (
  waitFor: (position: bigint) => Promise<void>,
  position: bigint,
  stopping: () => boolean,
): Promise<void> => {
  for (;;) {
    if (stopping()) throw new StoppedWaitingError(position);
    try {
      await waitFor(position);
      return;
    } catch (error) {
      if (!(error instanceof ReadModelsBehindError)) throw error;
    }
  }
};
