/**
 * `running` while it follows the log; `stalled` while a store fails and it waits to retry from
 * its checkpoints (which projections it could not advance, the last error, since when).
 */
export type RunnerHealth =
  | { status: 'stopped' | 'running' }
  | {
      status: 'stalled';
      projections: string[];
      error: string;
      since: string;
      attempts: number;
      retryInMs: number;
    };

export type StalledHealth = Extract<RunnerHealth, { status: 'stalled' }>;

/** Backoff after a failure of either store: the first wait, doubled up to the longest. */
export type RetryOptions = { initialDelayMs?: number; maxDelayMs?: number };

export const errorText = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/** The stall after one more failed attempt: the wait doubles, `since` stays the first failure's. */
export const nextStall = (
  previous: StalledHealth | undefined,
  error: unknown,
  projections: string[],
  retry: RetryOptions = {},
): StalledHealth => {
  const attempts = (previous?.attempts ?? 0) + 1;
  const { initialDelayMs = 100, maxDelayMs = 30_000 } = retry;
  const retryInMs = Math.min(maxDelayMs, initialDelayMs * 2 ** Math.min(attempts - 1, 30));
  return {
    status: 'stalled',
    projections,
    error: errorText(error),
    since: previous?.since ?? new Date().toISOString(),
    attempts,
    retryInMs,
  };
};

/** Waits `ms`, or less if the signal aborts first. */
export const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
