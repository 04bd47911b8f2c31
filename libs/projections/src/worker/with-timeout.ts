export const TIMED_OUT = Symbol('timed out');

/**
 * `promise`'s outcome, or TIMED_OUT when it has not settled within `ms`. The promise itself is not
 * cancelled; a late rejection stays handled (the race subscribed to it).
 */
export const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, ms));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};
