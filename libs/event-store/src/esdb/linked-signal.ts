/**
 * One signal that aborts when any of the given ones does (the caller's and the store's own, so
 * close() ends subscriptions). `dispose` removes the listeners it added to the long-lived ones.
 */
export const linkSignals = (
  signals: Array<AbortSignal | undefined>,
): { signal: AbortSignal; dispose: () => void } => {
  const controller = new AbortController();
  const sources = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  const abort = (): void => controller.abort();
  if (sources.some((signal) => signal.aborted)) controller.abort();
  else for (const signal of sources) signal.addEventListener('abort', abort, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      for (const signal of sources) signal.removeEventListener('abort', abort);
    },
  };
};
