import { allProjections, PARKED_COLLECTION } from '@crm/projections';
import { DocumentStore } from '@crm/read-store';
import { CliIo, EXIT_FAILURE, EXIT_OK, writeLine } from '../cli-io';
import { CliContext, openCliContext } from '../context/cli-context';
import { explainReadStoreInUse } from '../context/read-store-in-use';
import { formatTable } from '../table';
import { processStatuses } from './process-status';

export type StatusOptions = { json: boolean };

export type ProjectionReport = {
  name: string;
  version: number;
  /** The generation queries read; null when the projection was never built. */
  collection: string | null;
  checkpoint: string | null;
  /** Log positions the projection is behind the head. */
  lag: number;
  parked: number;
};

export type StatusReport = {
  head: string;
  projections: ProjectionReport[];
  processes: { name: string; checkpoint: string | null; parked: number }[];
};

const projectionReports = async (
  documents: DocumentStore,
  head: bigint,
): Promise<ProjectionReport[]> =>
  Promise.all(
    allProjections.map(async ({ name, version }) => {
      const collection = (await documents.activeGeneration(name)) ?? null;
      const checkpoint = collection ? await documents.checkpoint(collection) : undefined;
      const parked = collection
        ? await documents.collection(PARKED_COLLECTION).count({ collection })
        : 0;
      const lag = head < 0n ? 0 : Number(head - (checkpoint ?? 0n));
      return { name, version, collection, checkpoint: checkpoint?.toString() ?? null, lag, parked };
    }),
  );

const printReport = (io: CliIo, report: StatusReport): void => {
  writeLine(io.stdout, `event log head: ${report.head}`);
  writeLine(io.stdout);
  const projections = [
    ['projection', 'live collection', 'checkpoint', 'lag', 'parked'],
    ...report.projections.map((p) => [
      p.name,
      p.collection ?? '(not built)',
      p.checkpoint ?? '-',
      String(p.lag),
      String(p.parked),
    ]),
  ];
  formatTable(projections, [2, 3, 4]).forEach((line) => writeLine(io.stdout, line));
  writeLine(io.stdout);
  const processes = [
    ['process manager', 'checkpoint', 'parked'],
    ...report.processes.map((p) => [p.name, p.checkpoint ?? '-', String(p.parked)]),
  ];
  formatTable(processes, [1, 2]).forEach((line) => writeLine(io.stdout, line));
};

/** Where every read model and process manager stands against the head of the log. */
export const runStatus = async (options: StatusOptions, io: CliIo): Promise<number> => {
  let context: CliContext;
  try {
    context = await openCliContext({
      env: io.env,
      stderr: io.stderr,
      runProcesses: false,
      readStore: 'file',
    });
  } catch (error) {
    if (explainReadStoreInUse(error, io, 'status')) return EXIT_FAILURE;
    throw error;
  }
  try {
    const head = await context.store.headPosition();
    const report: StatusReport = {
      head: head.toString(),
      projections: await projectionReports(context.documents, head),
      processes: (await processStatuses(context.store)).map((p) => ({
        name: p.name,
        checkpoint: p.checkpoint?.toString() ?? null,
        parked: p.parked,
      })),
    };
    if (options.json) writeLine(io.stdout, JSON.stringify(report, null, 2));
    else printReport(io, report);
    return EXIT_OK;
  } finally {
    await context.close();
  }
};
