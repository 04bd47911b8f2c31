export const INITIAL_BACKOFF_MS = 100;
export const MAX_BACKOFF_MS = 5000;

/** Delay before resubscribing after `failures` drops in a row: 100 ms doubling, capped at 5 s. */
export const backoffDelay = (failures: number): number =>
  Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** Math.max(0, failures));

/** Resolves after `ms`, or as soon as the signal aborts; leaves no timer or listener behind. */
export const waitFor = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
