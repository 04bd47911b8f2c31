import { ExecuteDomainCommand, ProcessManagers } from '@crm/application';
import { DemoDataOptions, generateDemoData } from '@crm/demo-data';
import { CommandBus } from '@nestjs/cqrs';
import { CliIo, EXIT_FAILURE, EXIT_OK, writeLine } from '../cli-io';
import { openCliContext } from '../context/cli-context';
import { SimulatedClock } from '../context/simulated-clock';
import { startProgress } from '../progress';
import { countAppendedEvents } from './appended-events';
import { processStatuses, totalParked } from './process-status';
import { seedCommandContext } from './seed-context';
import { printSeedSummary } from './seed-summary';

const describeError = (error: unknown): string => {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${code}: ${message}` : message;
};

/**
 * Sends the demo history through the real command path (CommandBus, preparers, deciders) under
 * a simulated clock, waits for the lead-conversion process manager to finish, prints a summary.
 */
export const runSeed = async (options: DemoDataOptions, io: CliIo): Promise<number> => {
  const items = generateDemoData(options);
  const clock = new SimulatedClock(options.start);
  const context = await openCliContext({
    env: io.env,
    stderr: io.stderr,
    runProcesses: true,
    readStore: 'memory',
    clock: clock.now,
  });
  try {
    const head = await context.store.headPosition();
    const parkedBefore = totalParked(await processStatuses(context.store));
    const bus = context.app.get(CommandBus);
    const progress = startProgress(io, {
      label: 'seed',
      total: items.length,
      valueUnit: 'commands',
      rateUnit: 'commands',
    });
    let sent = 0;
    for (const [index, item] of items.entries()) {
      if (io.stop?.aborted) break;
      clock.advanceTo(item.at);
      const command = new ExecuteDomainCommand(
        item.kind,
        item.recordId,
        item.command,
        seedCommandContext(options, item, index),
      );
      try {
        await bus.execute(command);
      } catch (error) {
        progress.stop();
        writeLine(
          io.stderr,
          `error: seed stopped at command ${index + 1}/${items.length} (${item.command.type} on ${item.kind} ${item.recordId}): ${describeError(error)}`,
        );
        writeLine(
          io.stderr,
          'hint: the tenant may already hold other demo data: use another --tenant, or an empty CRM_DATA_DIR',
        );
        return EXIT_FAILURE;
      }
      sent = index + 1;
      progress.update(sent, sent);
    }
    progress.stop();
    if (sent < items.length) {
      writeLine(
        io.stderr,
        `seed stopped by ${String(io.stop?.reason)} after ${sent}/${items.length} commands: ` +
          'those are in the log; run seed again on an empty CRM_DATA_DIR for the whole data set',
      );
    }
    await context.app.get(ProcessManagers).waitUntilCaughtUp();
    const seconds = progress.elapsedSeconds();
    const appended = await countAppendedEvents(context.store, head, options.tenantId);
    const parked = totalParked(await processStatuses(context.store)) - parkedBefore;
    printSeedSummary(io, options, sent, appended, seconds, parked);
    return EXIT_OK;
  } finally {
    await context.close();
  }
};
