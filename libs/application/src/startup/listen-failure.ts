import { reasonOf, StartupError } from './startup-error';

/**
 * Listens through `listen`; a refusal names the variable that chose the port. Used for PORT and
 * CRM_METRICS_PORT alike.
 */
export const listenOrExplain = async <T>(
  variable: string,
  port: number,
  listen: () => Promise<T>,
): Promise<T> => {
  try {
    return await listen();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'EADDRINUSE'
        ? 'the port is in use by another process; stop that process or set ' +
          `${variable} to a free port`
        : code === 'EACCES'
          ? `this user may not listen on the port; set ${variable} to 1024 or above`
          : `cannot listen (${reasonOf(error)}); set ${variable} to a free port`;
    throw new StartupError(`${variable}=${port}: ${problem}`, { cause: error });
  }
};
