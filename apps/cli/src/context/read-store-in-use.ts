import { ReadStoreInUseError } from '@crm/read-store';
import { CliIo, writeLine } from '../cli-io';

/**
 * The embedded read store belongs to one process at a time. When a running API holds it, says so
 * in one line and returns true; any other error is not this one's business.
 */
export const explainReadStoreInUse = (error: unknown, io: CliIo, command: string): boolean => {
  const inUse =
    error instanceof ReadStoreInUseError ||
    (error instanceof Error && error.name === 'ReadStoreInUseError');
  if (!inUse) return false;
  writeLine(
    io.stderr,
    `error: ${error.message}; it is probably a running API: stop the API first, then run ${command} again.`,
  );
  return true;
};
