import {
  CrmMetrics,
  EVENT_STORE,
  loadConfig,
  loadConfiguration,
  processPrincipal,
  READ_SIDE_PROGRESS,
  ReadSideProgress,
  RuleRegistry,
  RuleRunner,
} from '@crm/application';
import { EventStore } from '@crm/event-store';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../../apps/api/src/app.module';
import { createApp } from '../../apps/api/src/create-app';
import { BENCH_RULES } from '../automation-rules';
import { BenchContext } from '../context';
import { log } from '../log';
import { FigureResult, Measurement } from '../model';
import { ratePerSecond } from '../stats';
import { copyDatabase } from '../stores';
import { ids } from '../targets';
import { BENCH_TENANT } from '../workload-plan';

/**
 * Figure 9: workflow rules catching up over the workload's log. The rules must be in the log
 * before the events they act on (each event meets the rules as they were at its point of the
 * log), so the figure writes a log of its own: the ten rules of `automation-rules.ts` defined
 * through the registry on an empty store, then the workload's events copied after them, in log
 * order, by one INSERT ... SELECT. On two copies of that log the API starts as it runs embedded
 * (projections in-process, default durability): once with the projections alone, once with the
 * rule runner started beside them in the same process. The runner's actions are real commands
 * through the command bus into its copy (what a restore with rules would do), so the figure
 * pays for the reads of the records they check, the commands and their runs; the delayed rule's
 * timers fall due at once (the log's clock is years back) and the timer loop fires them in the
 * same run. Timed from the moment the projections (and the runner) start until each has gone
 * past the log's head as it was.
 */

const POLL_MS = 20;

type CatchUp = {
  events: number;
  projectionSeconds: number;
  runnerSeconds: number | null;
  evaluations: number;
  runs: Record<string, number>;
  appended: number;
};

/** The rules at the start of an empty log, then the workload's events after them. */
const prepareLog = async (ctx: BenchContext, path: string): Promise<void> => {
  const dataDir = join(path, '..');
  const app = await start(dataDir, false);
  const registry = app.get(RuleRegistry);
  for (const rule of BENCH_RULES) {
    await registry.create(BENCH_TENANT, rule, processPrincipal('bench'));
  }
  await app.close();
  const db = new Database(path);
  try {
    db.exec(`ATTACH DATABASE '${ctx.eventsPath.replace(/'/g, "''")}' AS workload`);
    db.exec(
      `INSERT INTO events (stream_name, stream_revision, event_id, type, data, metadata, recorded_at)
       SELECT stream_name, stream_revision, event_id, type, data, metadata, recorded_at
       FROM workload.events ORDER BY global_position`,
    );
    db.exec('DETACH DATABASE workload');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
};

const benchConfig = (dataDir: string, projections: boolean) =>
  loadConfig({
    CRM_DATA_DIR: dataDir,
    CRM_RUN_PROJECTIONS: String(projections),
    // The rule runner alone is started by hand: no lead conversion, scoring, SLA or webhooks.
    CRM_RUN_PROCESSES: 'false',
    CRM_DOCS: 'off',
  });

const start = (dataDir: string, projections: boolean) =>
  createApp({ config: benchConfig(dataDir, projections), logger: false });

/**
 * The API's modules, built but not yet initialised: initialising starts the projections, and
 * the rule runner can be started at that same moment (createApp initialises at once).
 */
const built = async (dataDir: string, metrics: CrmMetrics): Promise<NestFastifyApplication> => {
  const { config, module: configModule } = await loadConfiguration(benchConfig(dataDir, true));
  return NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, configModule, metrics }),
    new FastifyAdapter(),
    { bodyParser: false, abortOnError: false, logger: false },
  );
};

const counted = async (metrics: CrmMetrics) => {
  const evaluations = (await metrics.automationEvaluations.get()).values[0]?.value ?? 0;
  const runs = Object.fromEntries(
    (await metrics.automationRuns.get()).values.map((v) => [String(v.labels.outcome), v.value]),
  );
  return { evaluations, runs };
};

const catchUp = async (prepared: string, dir: string, withRules: boolean): Promise<CatchUp> => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyDatabase(prepared, join(dir, 'events.sqlite'));
  const metrics = new CrmMetrics('api');
  const app = await built(dir, metrics);
  try {
    const progress = app.get<ReadSideProgress>(READ_SIDE_PROGRESS);
    const runner = app.get(RuleRunner);
    const store = app.get<EventStore>(EVENT_STORE);
    const target = await store.headPosition();
    const from = await progress.position();
    const started = performance.now();
    if (withRules) runner.start();
    await app.init();
    let projectionSeconds: number | undefined;
    let runnerSeconds: number | undefined;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const seconds = (performance.now() - started) / 1000;
      if (projectionSeconds === undefined && (await progress.position()) >= target) {
        projectionSeconds = seconds;
      }
      if (withRules && runnerSeconds === undefined && runner.position() >= target) {
        runnerSeconds = seconds;
      }
      if (projectionSeconds !== undefined && (!withRules || runnerSeconds !== undefined)) break;
    }
    const { evaluations, runs } = await counted(metrics);
    return {
      events: Number(target - from),
      projectionSeconds,
      runnerSeconds: runnerSeconds ?? null,
      evaluations,
      runs,
      appended: Number((await store.headPosition()) - target),
    };
  } finally {
    await app.close();
  }
};

export const automationTask = async (ctx: BenchContext): Promise<FigureResult> => {
  const began = performance.now();
  const root = join(ctx.runDir, 'automation');
  const prepared = join(root, 'prepared', 'events.sqlite');
  rmSync(root, { recursive: true, force: true });
  const preparing = performance.now();
  await prepareLog(ctx, prepared);
  const prepareSeconds = (performance.now() - preparing) / 1000;
  const alone = await catchUp(prepared, join(root, 'alone'), false);
  log(
    `automation: projections alone, ${alone.events} events in ${alone.projectionSeconds.toFixed(1)} s`,
  );
  const beside = await catchUp(prepared, join(root, 'with-rules'), true);
  const runnerSeconds = beside.runnerSeconds ?? NaN;
  log(
    `automation: with the rule runner, projections ${beside.projectionSeconds.toFixed(1)} s, ` +
      `rules ${runnerSeconds.toFixed(1)} s, ${beside.evaluations} evaluations, runs ${JSON.stringify(beside.runs)}`,
  );
  rmSync(root, { recursive: true, force: true });
  const measurements: Measurement[] = [
    {
      id: ids.automationCatchUpAlone,
      figure: 'automation',
      label: 'projection catch-up, rule runner not running',
      value: ratePerSecond(alone.events, alone.projectionSeconds * 1000),
      unit: 'events/s',
    },
    {
      id: ids.automationCatchUpWithRules,
      figure: 'automation',
      label: 'projection catch-up, rule runner beside it (same process)',
      value: ratePerSecond(beside.events, beside.projectionSeconds * 1000),
      unit: 'events/s',
      floor: ids.automationCatchUpAlone,
    },
    {
      id: 'automation.rules.events',
      figure: 'automation',
      label: `rule runner catching up from zero, ${BENCH_RULES.length} rules`,
      value: ratePerSecond(beside.events, runnerSeconds * 1000),
      unit: 'events/s',
    },
    {
      id: 'automation.rules.evaluations',
      figure: 'automation',
      label: 'rule evaluations (a rule tested on an event of its trigger type)',
      value: ratePerSecond(beside.evaluations, runnerSeconds * 1000),
      unit: 'evaluations/s',
      note: `${beside.evaluations} evaluations, ${Object.values(beside.runs).reduce((a, b) => a + b, 0)} runs`,
    },
  ];
  return {
    figure: 'automation',
    measurements,
    info: {
      rules: BENCH_RULES.length,
      events: beside.events,
      prepareSeconds,
      evaluations: beside.evaluations,
      runs: beside.runs,
      appendedByRules: beside.appended,
      appendedAlone: alone.appended,
    },
    seconds: (performance.now() - began) / 1000,
  };
};
