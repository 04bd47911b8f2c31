import { ratePerSecond, Samples, Summary } from './stats';

export type LoadResult = {
  concurrency: number;
  /** Operations that finished inside the measured window. */
  completed: number;
  errors: number;
  firstError?: string;
  seconds: number;
  /** Completed operations per second over the measured window. */
  rate: number;
  /** Milliseconds, of the operations that finished inside the window. */
  latency: Summary;
};

const errorText = (error: unknown): string => {
  const code: unknown = typeof error === 'object' && error ? Reflect.get(error, 'code') : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${code}: ${message}` : message;
};

/**
 * A closed loop: `concurrency` callers, each sending the next operation as soon as its last one
 * answered. The first `warmupMs` are not counted; then operations finishing within `durationMs`
 * give the rate and the latencies. Errors are counted, never thrown.
 */
export const closedLoop = async (options: {
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  operation: () => Promise<unknown>;
}): Promise<LoadResult> => {
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const measureUntil = measureFrom + options.durationMs;
  const latencies = new Samples();
  let errors = 0;
  let firstError: string | undefined;
  const caller = async (): Promise<void> => {
    while (performance.now() < measureUntil) {
      const sent = performance.now();
      let failed = false;
      try {
        await options.operation();
      } catch (error) {
        failed = true;
        errors += 1;
        firstError ??= errorText(error);
      }
      const answered = performance.now();
      if (!failed && answered >= measureFrom && answered <= measureUntil)
        latencies.push(answered - sent);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, caller));
  return {
    concurrency: options.concurrency,
    completed: latencies.length,
    errors,
    ...(firstError !== undefined && { firstError }),
    seconds: options.durationMs / 1000,
    rate: ratePerSecond(latencies.length, options.durationMs),
    latency: latencies.summary(),
  };
};
