import {
  ApiKeyAdministration,
  ApiKeyIndex,
  ApiKeyNotFoundError,
  ApiKeyView,
  processPrincipal,
} from '@crm/application';
import { CliIo, EXIT_FAILURE, EXIT_OK, writeLine } from '../cli-io';
import { openCliContext } from '../context/cli-context';
import { formatTable } from '../table';

/** The CLI writes keys as the operator's process; the log shows it as `process:cli`. */
const CLI_PRINCIPAL = processPrincipal('cli');

const withKeys = async <T>(
  io: CliIo,
  run: (keys: ApiKeyAdministration) => Promise<T>,
): Promise<T> => {
  // Only the event log: safe beside a running API, which sees the change on its next poll.
  const context = await openCliContext({
    env: io.env,
    stderr: io.stderr,
    runProcesses: false,
    readStore: 'memory',
  });
  try {
    return await run(new ApiKeyAdministration(context.store, new ApiKeyIndex(context.store)));
  } finally {
    await context.close();
  }
};

const keyRows = (keys: ApiKeyView[]): string[][] => [
  ['id', 'tenant', 'subject', 'roles', 'name', 'created', 'expires', 'revoked'],
  ...keys.map((key) => [
    key.keyId,
    key.tenantId,
    key.subject,
    key.roles.join(','),
    key.name ?? '-',
    key.createdAt,
    key.expiresAt ?? 'never',
    key.revokedAt ?? '-',
  ]),
];

export type CreateKeyOptions = {
  tenantId: string;
  subject: string;
  roles: string[];
  name?: string;
  expiresAt?: Date;
};

/** Creates a key; its secret is the last line of stdout, and this is the only time it is shown. */
export const runCreateApiKey = (options: CreateKeyOptions, io: CliIo): Promise<number> =>
  withKeys(io, async (keys) => {
    const { key, secret } = await keys.create(options, CLI_PRINCIPAL);
    formatTable(keyRows([key])).forEach((line) => writeLine(io.stdout, line));
    writeLine(io.stderr, 'the secret follows; it is not stored and will not be shown again');
    writeLine(io.stdout, secret);
    return EXIT_OK;
  });

export const runListApiKeys = (options: { tenantId?: string }, io: CliIo): Promise<number> =>
  withKeys(io, async (keys) => {
    const listed = await keys.list(options.tenantId);
    if (listed.length === 0) writeLine(io.stderr, 'no API keys');
    else formatTable(keyRows(listed)).forEach((line) => writeLine(io.stdout, line));
    return EXIT_OK;
  });

export const runRevokeApiKey = (keyId: string, io: CliIo): Promise<number> =>
  withKeys(io, async (keys) => {
    try {
      const key = await keys.revoke(keyId, CLI_PRINCIPAL);
      writeLine(io.stdout, `revoked ${key.keyId} (${key.subject} of tenant ${key.tenantId})`);
      return EXIT_OK;
    } catch (error) {
      if (!(error instanceof ApiKeyNotFoundError)) throw error;
      writeLine(io.stderr, `error: ${error.message}`);
      return EXIT_FAILURE;
    }
  });
