/** Where a command writes and which environment it reads: the process's, or a test's. */
export type CliIo = {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** Aborted (its reason the signal's name) when the process is asked to stop. */
  stop?: AbortSignal;
};

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export const writeLine = (stream: NodeJS.WritableStream, line = ''): void => {
  stream.write(`${line}\n`);
};
