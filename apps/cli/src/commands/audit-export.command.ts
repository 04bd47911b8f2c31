import { streamNameFor } from '@crm/application';
import { AggregateKind } from '@crm/domain';
import { CliIo, EXIT_FAILURE, EXIT_OK, writeLine } from '../cli-io';
import { openCliContext } from '../context/cli-context';
import { openLineWriter } from '../ndjson-writer';
import { auditLine } from './audit-line';
import { streamEvents, tenantEvents } from './log-pages';

export type AuditExportOptions = {
  tenantId: string;
  /** One record's history instead of the whole tenant's log. */
  record?: { kind: AggregateKind; id: string };
  /** A file to write; stdout when absent. */
  out?: string;
};

/** The audit trail as NDJSON: one event per line, oldest first, paging through the log. */
export const runAuditExport = async (options: AuditExportOptions, io: CliIo): Promise<number> => {
  const context = await openCliContext({
    env: io.env,
    stderr: io.stderr,
    runProcesses: false,
    readStore: 'memory',
  });
  try {
    const { store, serializer } = context;
    const { record, tenantId } = options;
    const events = record
      ? streamEvents(store, streamNameFor(record.kind, tenantId, record.id))
      : tenantEvents(store, tenantId);
    const writer = await openLineWriter(options.out, io.stdout);
    let count = 0;
    try {
      for await (const recorded of events) {
        await writer.write(auditLine(serializer, recorded));
        count++;
      }
    } finally {
      await writer.close();
    }
    const what = record
      ? `${record.kind} ${record.id} of tenant ${tenantId}`
      : `tenant ${tenantId}`;
    if (record && count === 0) {
      writeLine(io.stderr, `error: ${what} has no events (no such record)`);
      return EXIT_FAILURE;
    }
    writeLine(io.stderr, `exported ${count} events of ${what} to ${writer.target}`);
    return EXIT_OK;
  } finally {
    await context.close();
  }
};
