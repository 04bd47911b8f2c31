import { streamNameFor } from '@crm/application';
import { AggregateKind } from '@crm/domain';
import { recordAsOf } from '@crm/queries';
import { CliIo, EXIT_FAILURE, EXIT_OK, writeLine } from '../cli-io';
import { openCliContext } from '../context/cli-context';

export type AsOfOptions = { tenantId: string; kind: AggregateKind; id: string; at: Date };

/** A record's read-model document as it was at a moment, folded from its own stream. */
export const runAsOf = async (options: AsOfOptions, io: CliIo): Promise<number> => {
  const context = await openCliContext({
    env: io.env,
    stderr: io.stderr,
    runProcesses: false,
    readStore: 'memory',
  });
  try {
    const { kind, id, tenantId, at } = options;
    const document = await recordAsOf(
      context.store,
      context.serializer,
      streamNameFor(kind, tenantId, id),
      kind,
      tenantId,
      id,
      at,
    );
    if (!document) {
      writeLine(
        io.stderr,
        `error: ${kind} ${id} did not exist in tenant ${tenantId} at ${at.toISOString()}`,
      );
      return EXIT_FAILURE;
    }
    writeLine(io.stdout, JSON.stringify(document, null, 2));
    return EXIT_OK;
  } finally {
    await context.close();
  }
};
