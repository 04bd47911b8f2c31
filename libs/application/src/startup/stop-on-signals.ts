/** Longest a drain may take before the process gives up and exits 1. */
const DRAIN_TIMEOUT_MS = 25_000;

/**
 * On SIGTERM or SIGINT: runs `stop` once (stop accepting, finish what is in flight, close the
 * stores), then exits 0; 1 if it failed or outlasted the drain timeout. A repeated signal
 * while stopping is reported, not acted on, so a batch in flight still commits.
 */
export const stopOnSignals = (
  stop: () => Promise<void>,
  report: (level: 'log' | 'warn' | 'error', message: string, fields?: object) => void,
): void => {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      report('warn', 'still stopping: finishing the work in flight', { signal });
      return;
    }
    stopping = true;
    report('log', 'stopping', { signal });
    const timer = setTimeout(() => {
      report('error', 'did not stop in time', { signal, timeoutMs: DRAIN_TIMEOUT_MS });
      process.exit(1);
    }, DRAIN_TIMEOUT_MS);
    timer.unref();
    stop().then(
      () => {
        report('log', 'stopped', { signal });
        process.exit(0);
      },
      (error: unknown) => {
        report('error', 'did not stop cleanly', { signal, error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
};
