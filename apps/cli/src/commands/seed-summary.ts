import { DemoDataOptions } from '@crm/demo-data';
import { CliIo, writeLine } from '../cli-io';
import { formatTable } from '../table';
import { AppendedEvents } from './appended-events';

/** What a seed run did: the period, the counts per aggregate, the rates. */
export const printSeedSummary = (
  io: CliIo,
  options: DemoDataOptions,
  commands: number,
  appended: AppendedEvents,
  seconds: number,
  parked: number,
): void => {
  const end = new Date(options.start.getTime() + options.days * 86_400_000 - 1);
  writeLine(
    io.stdout,
    `seeded tenant ${options.tenantId} (seed ${options.seed}), ${options.start.toISOString()} .. ${end.toISOString()}`,
  );
  writeLine(
    io.stdout,
    `${commands} commands, ${appended.total} events appended in ${seconds.toFixed(1)} s (${Math.round(commands / seconds)} commands/s, ${Math.round(appended.total / seconds)} events/s)`,
  );
  if (appended.total === 0) {
    writeLine(io.stdout, 'nothing new: the tenant already holds the history of this seed');
  }
  const kinds = Object.keys(appended.byKind).sort();
  if (kinds.length > 0) {
    const rows = [
      ['aggregate', 'events'],
      ...kinds.map((kind) => [kind, String(appended.byKind[kind])]),
    ];
    formatTable(rows, [1]).forEach((line) => writeLine(io.stdout, `  ${line}`));
  }
  writeLine(io.stdout, `process-manager bookkeeping events: ${appended.processStreams}`);
  writeLine(io.stdout, 'read models: run `rebuild` (or start the API) to build them from the log');
  if (parked > 0)
    writeLine(io.stderr, `warning: ${parked} event(s) parked by the process managers, see status`);
};
