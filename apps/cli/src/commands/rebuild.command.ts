import { allProjections, ProjectionRunner } from '@crm/projections';
import { CliIo, EXIT_FAILURE, EXIT_OK, writeLine } from '../cli-io';
import { CliContext, openCliContext } from '../context/cli-context';
import { explainReadStoreInUse } from '../context/read-store-in-use';
import { startProgress } from '../progress';
import { formatTable } from '../table';

export type RebuildOptions = {
  /** Names of the projections to rebuild; empty: all of them. */
  projections: string[];
};

/**
 * Rebuilds read models from the whole log into fresh generations; each is switched in (and the
 * old one dropped) only once it has caught up with the head, so queries never see a half-built
 * read model.
 */
export const runRebuild = async (options: RebuildOptions, io: CliIo): Promise<number> => {
  const selected = allProjections.filter(
    (projection) =>
      options.projections.length === 0 || options.projections.includes(projection.name),
  );
  let context: CliContext;
  try {
    context = await openCliContext({
      env: io.env,
      stderr: io.stderr,
      runProcesses: false,
      readStore: 'file',
    });
  } catch (error) {
    if (explainReadStoreInUse(error, io, 'rebuild')) return EXIT_FAILURE;
    throw error;
  }
  try {
    const { store, documents, serializer } = context;
    const head = await store.headPosition();
    const progress = startProgress(io, {
      label: 'rebuild',
      total: Number(head < 0n ? 0n : head),
      valueUnit: 'positions',
      rateUnit: 'events',
    });
    let events = 0;
    const runner = new ProjectionRunner(store, documents, serializer, selected, {
      rebuild: true,
      onBatch: ({ position, events: count }) => {
        events += count;
        progress.update(Number(position), events);
      },
    });
    await runner.runToHead();
    progress.stop();
    const seconds = progress.elapsedSeconds();

    const rows = [['projection', 'live collection', 'checkpoint']];
    for (const projection of selected) {
      const live = (await documents.activeGeneration(projection.name)) ?? '(none)';
      rows.push([projection.name, live, String((await documents.checkpoint(live)) ?? '-')]);
    }
    writeLine(
      io.stdout,
      `rebuilt ${selected.length} read model(s) from ${events} events (head ${head}) in ${seconds.toFixed(2)} s (${Math.round(events / Math.max(seconds, 0.001))} events/s)`,
    );
    formatTable(rows, [2]).forEach((line) => writeLine(io.stdout, `  ${line}`));
    return EXIT_OK;
  } finally {
    await context.close();
  }
};
