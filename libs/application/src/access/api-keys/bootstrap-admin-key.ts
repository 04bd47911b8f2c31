import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { processPrincipal } from '../../command-context';
import { ApiKeyAdministration } from './api-key-administration';

export const BOOTSTRAP_KEY_FILE = 'bootstrap-admin.key';

/**
 * On the first start, with no API key at all, creates an admin key for the bootstrap tenant and
 * writes its secret to `<dataDir>/bootstrap-admin.key` (mode 0600), so a fresh install can be
 * reached without ever printing a secret. Answers the file's path when it created one.
 */
export const ensureBootstrapAdminKey = async (
  keys: ApiKeyAdministration,
  options: { dataDir: string; tenantId: string },
): Promise<string | undefined> => {
  const created = await keys.createFirst(
    { tenantId: options.tenantId, subject: 'bootstrap-admin', roles: ['admin'], name: 'bootstrap' },
    processPrincipal('bootstrap'),
  );
  if (!created) return undefined;
  await mkdir(options.dataDir, { recursive: true });
  const path = join(options.dataDir, BOOTSTRAP_KEY_FILE);
  await writeFile(path, `${created.secret}\n`, { mode: 0o600, flag: 'w' });
  return path;
};
