import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from './startup-error';

/**
 * Creates CRM_DATA_DIR if needed and proves a file can be written there, so an unusable
 * directory is refused with its variable named before SQLite reports a bare I/O error.
 */
export const ensureWritableDataDir = (dir: string): void => {
  const probe = join(dir, `.write-probe-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new StartupError(
      `CRM_DATA_DIR=${JSON.stringify(dir)}: not a writable directory (${code}); ` +
        'make it writable for this user or set CRM_DATA_DIR to a directory that is',
      { cause: error },
    );
  }
};
