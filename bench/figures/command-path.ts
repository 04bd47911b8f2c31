import { CommandContext, ExecuteDomainCommand, loadConfig } from '@crm/application';
import { createEmbeddedDocumentStore } from '@crm/read-store';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { CommandMix } from '../command-mix';
import { BenchContext } from '../context';
import { closedLoop } from '../load';
import { log } from '../log';
import { FigureResult, Json, Measurement } from '../model';
import { contactsOf } from '../sampling';
import {
  commitStatsOf,
  copyDatabase,
  openApplication,
  openEventStore,
  removeDatabase,
} from '../stores';
import { ids, Synchronous } from '../targets';

/**
 * Figure 2: the command path in-process (CommandBus, preparers, deciders, event store; no HTTP,
 * no projections or process managers competing for the CPU) on a copy of the workload's log, at
 * concurrency 1, 16 and 64, with synchronous=NORMAL and FULL; the default one is marked. The
 * commands are the mix of bench/command-mix.ts on the workload's contacts.
 */

export const benchCommandContext = (tenantId: string): CommandContext => {
  const commandId = randomUUID();
  return {
    tenantId,
    actorId: 'bench-user',
    principal: { kind: 'user', subject: 'bench-user' },
    commandId,
    correlationId: commandId,
    causationId: commandId,
  };
};

type Run = {
  mode: Synchronous;
  groupCommit: boolean | undefined;
  concurrency: number;
  measurement: Measurement;
  info: Json;
};

export const commandPathTask = async (ctx: BenchContext): Promise<FigureResult> => {
  const started = performance.now();
  const path = join(ctx.runDir, 'command-path', 'events.sqlite');
  copyDatabase(ctx.eventsPath, path);
  const tenant = ctx.workload.tenantId;
  const contacts = contactsOf(path, tenant);
  const { concurrencies, commandWarmupSeconds, commandSeconds, seed } = ctx.settings;
  const runs: Run[] = [];
  let groupCommitAvailable = false;

  const measure = async (mode: Synchronous, levels: number[], groupCommit?: boolean) => {
    const store = openEventStore(path, mode, groupCommit);
    const stats = commitStatsOf(store);
    if (stats) groupCommitAvailable = true;
    const app = await openApplication({
      config: loadConfig({ CRM_RUN_PROJECTIONS: 'false', CRM_RUN_PROCESSES: 'false' }),
      eventStore: store,
      documentStore: createEmbeddedDocumentStore({ path: ':memory:' }),
    });
    try {
      const bus = app.get(CommandBus);
      const mix = new CommandMix(contacts, seed + runs.length);
      const operation = () => {
        const next = mix.next(new Date());
        return bus.execute(
          new ExecuteDomainCommand(
            next.kind,
            next.recordId,
            next.command,
            benchCommandContext(tenant),
          ),
        );
      };
      for (const concurrency of levels) {
        const before = stats?.();
        const result = await closedLoop({
          concurrency,
          warmupMs: commandWarmupSeconds * 1000,
          durationMs: commandSeconds * 1000,
          operation,
        });
        const after = stats?.();
        const commits = before && after ? after.commits - before.commits : undefined;
        const appends = before && after ? after.appends - before.appends : undefined;
        const isDefault = mode === ctx.defaultSynchronous;
        const variant = groupCommit === false ? ', group commit off' : '';
        const perCommit =
          commits !== undefined && appends !== undefined && commits > 0
            ? `${(appends / commits).toFixed(1)} appends/commit`
            : undefined;
        const measurement: Measurement = {
          id:
            groupCommit === false
              ? ids.commandUngrouped(mode, concurrency)
              : ids.command(mode, concurrency),
          figure: 'command-path',
          label: `${mode}${isDefault ? ' (default)' : ''} c=${concurrency}${variant}`,
          value: result.rate,
          unit: 'commands/s',
          p50: result.latency.p50,
          p99: result.latency.p99,
          floor: ids.rawCommitRate(mode),
          note: [
            perCommit,
            result.errors > 0 ? `${result.errors} errors: ${result.firstError}` : '',
          ]
            .filter(Boolean)
            .join('; '),
        };
        log(
          `command path: ${measurement.label}: ${Math.round(result.rate)} commands/s, p50 ${result.latency.p50.toFixed(2)} ms, p99 ${result.latency.p99.toFixed(2)} ms${result.errors ? `, ${result.errors} errors (${result.firstError})` : ''}`,
        );
        runs.push({
          mode,
          groupCommit,
          concurrency,
          measurement,
          info: {
            completed: result.completed,
            errors: result.errors,
            firstError: result.firstError ?? null,
            commits: commits ?? null,
            appends: appends ?? null,
            latency: { ...result.latency },
          },
        });
      }
    } finally {
      await app.close();
    }
  };

  for (const mode of ['NORMAL', 'FULL'] as const) await measure(mode, concurrencies);
  if (groupCommitAvailable) await measure('FULL', [1, 64], false);
  removeDatabase(path);
  return {
    figure: 'command-path',
    measurements: runs.map((run) => run.measurement),
    info: {
      contacts: contacts.length,
      defaultSynchronous: ctx.defaultSynchronous,
      groupCommitAvailable,
      runs: runs.map((run) => ({
        mode: run.mode,
        groupCommit: run.groupCommit ?? null,
        concurrency: run.concurrency,
        ...(run.info as Record<string, Json>),
      })),
    },
    seconds: (performance.now() - started) / 1000,
  };
};
