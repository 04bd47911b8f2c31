/**
 * SIGTERM or SIGINT ask the running command to stop at its next boundary (a long seed stops
 * between two commands) rather than die mid-write: the command finishes what is in flight,
 * closes the stores and the process exits 0. A repeated signal while stopping changes nothing.
 */
export const stopOnSignals = (stderr: NodeJS.WritableStream): AbortSignal => {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      stderr.write(`${signal}: still stopping, finishing the work in flight\n`);
      return;
    }
    controller.abort(signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return controller.signal;
};
