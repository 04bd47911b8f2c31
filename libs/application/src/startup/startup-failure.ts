import { ConfigError } from '../config';
import { reasonOf, StartupError } from './startup-error';

/**
 * The one line (a refused configuration: one line per variable) an operator reads when a
 * process cannot start. Failures we know name their variable and the remedy; anything else
 * is quoted by its first line, its stack left to the debug level.
 */
export const startupFailureLine = (error: unknown): string => {
  if (error instanceof ConfigError || error instanceof StartupError) return error.message;
  // By name: the read store's class may come from another copy of the module (jest realms).
  if (error instanceof Error && error.name === 'ReadStoreInUseError') {
    return (
      `CRM_DATA_DIR: ${error.message}; stop the other API, projector or CLI using it, ` +
      'or set CRM_DATA_DIR to another directory'
    );
  }
  return `${reasonOf(error)} (CRM_LOG_LEVEL=debug shows the stack)`;
};

/** Everything a failure carries, causes included, for the debug level. */
export const startupFailureDetail = (error: unknown): string => {
  const parts: string[] = [];
  for (let current = error; current !== undefined;) {
    parts.push(current instanceof Error ? (current.stack ?? current.message) : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join('\ncaused by: ');
};

/**
 * Writes the failure for a process that cannot start (`<name>: <line>`, the stack too at
 * CRM_LOG_LEVEL=debug or verbose) and sets a non-zero exit code.
 */
export const reportStartupFailure = (
  name: string,
  error: unknown,
  options: { stderr?: NodeJS.WritableStream; env?: NodeJS.ProcessEnv } = {},
): void => {
  const stderr = options.stderr ?? process.stderr;
  const level = (options.env ?? process.env).CRM_LOG_LEVEL;
  for (const line of startupFailureLine(error).split('\n')) {
    stderr.write(`${name}: cannot start: ${line}\n`);
  }
  if (level === 'debug' || level === 'verbose') stderr.write(`${startupFailureDetail(error)}\n`);
  process.exitCode = 1;
};
