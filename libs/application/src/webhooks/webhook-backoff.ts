export type DispatchSettings = { maxAttempts: number; backoffMs: number; backoffMaxMs: number };

/** Wait after the n-th failed attempt: doubling from the base, at most the maximum. */
export const backoffDelay = (failedAttempt: number, settings: DispatchSettings): number =>
  Math.min(settings.backoffMaxMs, settings.backoffMs * 2 ** (failedAttempt - 1));

/** Resolves after `ms`, or at once when the signal aborts (a stop does not wait out a backoff). */
export const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
