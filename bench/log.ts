/** Progress goes to stderr, so stdout carries only the table. */
export const log = (message: string): void => {
  const time = new Date().toISOString().slice(11, 19);
  process.stderr.write(`[bench ${time}] ${message}\n`);
};

/** Logs at most every `everyMs` (for loops that report progress). */
export const throttled = (everyMs: number): ((message: () => string) => void) => {
  let last = 0;
  return (message) => {
    const now = Date.now();
    if (now - last < everyMs) return;
    last = now;
    log(message());
  };
};
