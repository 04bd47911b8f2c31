import { verifyLog } from '@crm/application';
import { CliIo, EXIT_FAILURE, EXIT_OK, writeLine } from '../cli-io';
import { openCliContext } from '../context/cli-context';

/** Checks every stream's hash chain; exits non-zero at a break, naming the first one. */
export const runAuditVerify = async (
  options: { tenantId?: string },
  io: CliIo,
): Promise<number> => {
  const context = await openCliContext({
    env: io.env,
    stderr: io.stderr,
    runProcesses: false,
    readStore: 'memory',
  });
  try {
    const report = await verifyLog(context.store, options);
    const scope = options.tenantId === undefined ? 'the whole log' : `tenant ${options.tenantId}`;
    writeLine(io.stdout, `verified ${scope}`);
    writeLine(io.stdout, `streams checked: ${report.streams}`);
    writeLine(io.stdout, `events checked: ${report.events}`);
    writeLine(io.stdout, `events from before the chain: ${report.unchained}`);
    if (!report.broken) {
      writeLine(io.stdout, 'chain: intact');
      return EXIT_OK;
    }
    const { streamName, revision, eventId, expected, found } = report.broken;
    writeLine(io.stdout, 'chain: BROKEN');
    writeLine(
      io.stdout,
      `first broken link: stream ${streamName}, revision ${revision}, event ${eventId}`,
    );
    writeLine(io.stdout, `  expected: ${expected}`);
    writeLine(io.stdout, `  found:    ${found}`);
    return EXIT_FAILURE;
  } finally {
    await context.close();
  }
};
