import { DOCUMENT_STORE, ExecuteDomainCommand, loadConfig, ReadYourWrites } from '@crm/application';
import { Random } from '@crm/demo-data';
import { contact360, ReadModels } from '@crm/queries';
import { DocumentStore } from '@crm/read-store';
import { CommandBus } from '@nestjs/cqrs';
import { join } from 'node:path';
import { CommandMix } from '../command-mix';
import { BenchContext } from '../context';
import { closedLoop } from '../load';
import { log } from '../log';
import { FigureResult } from '../model';
import { contactsOf } from '../sampling';
import { Samples } from '../stats';
import { copyDatabase, openApplication, removeDatabase } from '../stores';
import { ids } from '../targets';
import { benchCommandContext } from './command-path';

/**
 * Figure 6: the embedded application as configured by default (projections and process managers
 * in-process, default durability) on copies of the workload's log and read models, under a
 * closed-loop command load (the mix, 16 callers). Meanwhile a probe tags a random contact with a
 * unique tag and measures from the command's answer until the contact 360 shows that tag: it asks
 * for the answer's position (ReadYourWrites.waitFor, as `?minPosition=` does) and then reads the
 * contact 360; should the tag not be there yet it polls every millisecond.
 */

const MAX_POLL_MS = 5000;

export const readYourWritesTask = async (ctx: BenchContext): Promise<FigureResult> => {
  const started = performance.now();
  const dataDir = join(ctx.runDir, 'read-your-writes');
  copyDatabase(ctx.eventsPath, join(dataDir, 'events.sqlite'));
  copyDatabase(ctx.readModelsPath, join(dataDir, 'readmodels.sqlite'));
  const tenant = ctx.workload.tenantId;
  const contacts = contactsOf(join(dataDir, 'events.sqlite'), tenant);
  const opening = performance.now();
  const app = await openApplication({ config: loadConfig({ CRM_DATA_DIR: dataDir }) });
  const openSeconds = (performance.now() - opening) / 1000;
  log(`read-your-writes: application open (read models loaded) in ${openSeconds.toFixed(1)} s`);
  const lags = new Samples();
  let late = 0;
  let probes = 0;
  try {
    const bus = app.get(CommandBus);
    const readYourWrites = app.get(ReadYourWrites);
    const readModels = new ReadModels(app.get<DocumentStore>(DOCUMENT_STORE));
    const mix = new CommandMix(contacts, ctx.settings.seed + 200);
    const rng = new Random(ctx.settings.seed + 300);
    const durationMs = ctx.settings.rywSeconds * 1000;
    const warmupMs = 1000;
    let running = true;

    const probe = async (): Promise<void> => {
      const { contactId } = rng.pick(contacts);
      const tag = `ryw-${probes++}`;
      const answer = await bus.execute(
        new ExecuteDomainCommand(
          'contact',
          contactId,
          { type: 'TagContact', data: { contactId, tag } },
          benchCommandContext(tenant),
        ),
      );
      const answered = performance.now();
      await readYourWrites.waitFor(answer.position);
      for (;;) {
        const view = await contact360(readModels, tenant, contactId, new Date());
        if (view?.tags.includes(tag)) break;
        if (performance.now() - answered > MAX_POLL_MS)
          throw new Error(`tag ${tag} not visible after ${MAX_POLL_MS} ms`);
        late += 1;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      lags.push(performance.now() - answered);
    };

    const probing = (async () => {
      await new Promise((resolve) => setTimeout(resolve, warmupMs));
      while (running) {
        await probe();
        await new Promise((resolve) => setTimeout(resolve, ctx.settings.rywProbePauseMs));
      }
    })();
    const background = await closedLoop({
      concurrency: ctx.settings.rywLoadConcurrency,
      warmupMs,
      durationMs,
      operation: () => {
        const next = mix.next(new Date());
        return bus.execute(
          new ExecuteDomainCommand(
            next.kind,
            next.recordId,
            next.command,
            benchCommandContext(tenant),
          ),
        );
      },
    });
    running = false;
    await probing;
    const lag = lags.summary();
    log(
      `read-your-writes: ${lags.length} probes, lag p50 ${lag.p50.toFixed(2)} ms, p99 ${lag.p99.toFixed(2)} ms, under ${Math.round(background.rate)} commands/s`,
    );
    return {
      figure: 'read-your-writes',
      measurements: [
        {
          id: ids.rywLag,
          figure: 'read-your-writes',
          label: `answer -> visible in contact 360, ${lags.length} probes`,
          value: lag.mean,
          unit: 'ms',
          p50: lag.p50,
          p99: lag.p99,
          note: late > 0 ? `${late} polls after waitFor` : undefined,
        },
        {
          id: 'ryw.load',
          figure: 'read-your-writes',
          label: `background command load (c=${ctx.settings.rywLoadConcurrency}, projections on)`,
          value: background.rate,
          unit: 'commands/s',
          p50: background.latency.p50,
          p99: background.latency.p99,
          note: background.errors
            ? `${background.errors} errors: ${background.firstError}`
            : undefined,
        },
      ],
      info: {
        probes: lags.length,
        polledAfterWait: late,
        openSeconds,
        lag: { ...lag },
        background: { ...background, latency: { ...background.latency } },
      },
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await app.close();
    removeDatabase(join(dataDir, 'events.sqlite'));
    removeDatabase(join(dataDir, 'readmodels.sqlite'));
  }
};
