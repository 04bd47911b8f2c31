import 'reflect-metadata';
import { loadConfig } from '@crm/application';
import { Command } from 'commander';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { BenchContext } from './context';
import { catchUpFigure } from './figures/catch-up';
import { log } from './log';
import { describeMachine, machineLine } from './machine';
import { FIGURE_IDS, FigureId, FigureResult, Json, Measurement } from './model';
import { OptionError, resolveSettings } from './options';
import { summarizeProfiles } from './profile';
import { runInChild, TaskName } from './run-child';
import { copyDatabase, removeDatabase, sqliteVersion } from './stores';
import { measurementTable, statusCounts, targetTable } from './table';
import { evaluateTargets, floorRatio, ids, Synchronous, targetsFor } from './targets';
import {
  BuildWorkloadInput,
  readCachedWorkload,
  workloadCachePath,
  workloadFingerprint,
  WorkloadMeta,
  writeWorkloadMeta,
} from './workload';

/** Order the figures run in: the read models built by catch-up serve queries, disk and RYW. */
const RUN_ORDER: FigureId[] = [
  'raw-floor',
  'catch-up',
  'queries',
  'disk',
  'command-path',
  'http',
  'read-your-writes',
  'webhooks',
  'automation',
];

const ROOT = resolve(__dirname, '..');
const CACHE_DIR = join(ROOT, 'bench', '.cache');

type CliFlags = {
  preset?: string;
  events?: string;
  seed?: string;
  out?: string;
  only?: string;
  profile?: string;
  cache: boolean;
  keep?: boolean;
};

const stamp = (): string => new Date().toISOString().replace(/[:.]/g, '-').replace('Z', '');

const simpleFigure =
  (task: TaskName) =>
  async (ctx: BenchContext): Promise<FigureResult> => {
    const outcome = await runInChild<FigureResult>(task, ctx, { profileDir: ctx.profileDir });
    return {
      ...outcome.result,
      info: { ...outcome.result.info, processPeakRssMiB: outcome.maxRssMiB },
    };
  };

/** The queries figure, with its process's peak RSS as the serving-memory measurement. */
const queriesFigure = async (ctx: BenchContext): Promise<FigureResult> => {
  const figure = await simpleFigure('queries')(ctx);
  const peakRss = figure.info.processPeakRssMiB;
  if (typeof peakRss !== 'number') return figure;
  const serving: Measurement = {
    id: ids.servingPeakRss,
    figure: 'queries',
    label: 'peak RSS while serving the queries',
    value: peakRss,
    unit: 'MiB',
  };
  return { ...figure, measurements: [...figure.measurements, serving] };
};

const FIGURES: Record<FigureId, (ctx: BenchContext) => Promise<FigureResult | undefined>> = {
  'raw-floor': simpleFigure('raw-floor'),
  'catch-up': (ctx) => catchUpFigure(ctx, true),
  queries: queriesFigure,
  disk: simpleFigure('disk'),
  'command-path': simpleFigure('command-path'),
  http: simpleFigure('http'),
  'read-your-writes': simpleFigure('read-your-writes'),
  webhooks: simpleFigure('webhooks'),
  automation: simpleFigure('automation'),
};

/** The workload's log from the cache, or built through the command path (and cached). */
const workloadLog = async (
  input: Omit<BuildWorkloadInput, 'path'>,
  useCache: boolean,
  profileDir: string | null,
): Promise<{ path: string; meta: WorkloadMeta; cached: boolean }> => {
  const fingerprint = workloadFingerprint(ROOT);
  const paths = workloadCachePath(CACHE_DIR, input.seed, input.events, fingerprint);
  const cached = useCache ? readCachedWorkload(paths.meta, paths.db) : undefined;
  if (cached) {
    log(`workload: ${cached.events} events from ${relative(ROOT, paths.db)}`);
    return { path: paths.db, meta: cached, cached: true };
  }
  log(
    `workload: building ${input.events} events through the command path (seed ${input.seed}, concurrency ${input.concurrency}, ${input.synchronous})`,
  );
  const building = `${paths.db}.building`;
  const built = await runInChild<WorkloadMeta>(
    'workload',
    { ...input, path: building },
    { profileDir },
  );
  removeDatabase(paths.db);
  renameSync(building, paths.db);
  removeDatabase(building);
  const meta: WorkloadMeta = { ...built.result, fingerprint };
  writeWorkloadMeta(paths.meta, meta);
  return { path: paths.db, meta, cached: false };
};

const workloadLine = (meta: WorkloadMeta, cached: boolean): string => {
  const build = meta.build;
  return (
    `workload: ${meta.events} events (${meta.commands} commands, ${meta.cohorts} cohorts, seed ${meta.seed}, ` +
    `${meta.from.slice(0, 10)}..${meta.to.slice(0, 10)}), built through the command path in ${build.seconds.toFixed(0)} s ` +
    `(${Math.round(build.commandsPerSecond)} commands/s, ${build.synchronous}, ${build.concurrency} in flight)` +
    (cached ? `, cached ${build.builtAt.slice(0, 16)}` : '')
  );
};

const main = async (flags: CliFlags): Promise<number> => {
  const settings = resolveSettings(flags);
  const runStarted = performance.now();
  const runStamp = stamp();
  const out = resolve(flags.out ?? join(ROOT, 'bench', 'results', `${runStamp}.json`));
  const profiled = flags.profile ? flags.profile.split(',').map((part) => part.trim()) : [];
  const profileRoot = profiled.length > 0 ? out.replace(/\.json$/, '') + '-profiles' : null;
  const profileDirFor = (figure: string): string | null =>
    profileRoot && (profiled.includes(figure) || profiled.includes('all'))
      ? join(profileRoot, figure)
      : null;
  const defaultSynchronous: Synchronous = loadConfig({}).CRM_SQLITE_SYNCHRONOUS;
  mkdirSync(CACHE_DIR, { recursive: true });
  const machine = describeMachine(sqliteVersion(), CACHE_DIR);
  log(machineLine(machine));
  log(
    `preset ${settings.preset}: ${settings.events} events, seed ${settings.seed}, figures ${settings.figures.join(', ')}`,
  );

  const workload = await workloadLog(
    {
      seed: settings.seed,
      events: settings.events,
      concurrency: settings.buildConcurrency,
      synchronous: defaultSynchronous,
    },
    flags.cache,
    profileDirFor('workload'),
  );
  const runDir = join(CACHE_DIR, `run-${runStamp}`);
  const eventsPath = join(runDir, 'events.sqlite');
  copyDatabase(workload.path, eventsPath);
  const context = (figure: string): BenchContext => ({
    root: ROOT,
    runDir,
    eventsPath,
    readModelsPath: join(runDir, 'readmodels.sqlite'),
    workload: workload.meta,
    settings,
    defaultSynchronous,
    profileDir: profileDirFor(figure),
  });

  const results: FigureResult[] = [];
  const errors: { figure: FigureId; error: string }[] = [];
  const needReadModels = settings.figures.some((id) =>
    ['queries', 'disk', 'read-your-writes'].includes(id),
  );
  try {
    if (needReadModels && !settings.figures.includes('catch-up')) {
      log('read models: building them for the figures that read them (catch-up not reported)');
      await catchUpFigure(context('catch-up'), false);
    }
    for (const figure of RUN_ORDER.filter((id) => settings.figures.includes(id))) {
      log(`figure ${figure}`);
      try {
        const result = await FIGURES[figure](context(figure));
        if (result) results.push(result);
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        log(`figure ${figure} failed: ${text}`);
        errors.push({ figure, error: text });
      }
    }
  } finally {
    if (!flags.keep) rmSync(runDir, { recursive: true, force: true });
  }

  results.sort((a, b) => FIGURE_IDS.indexOf(a.figure) - FIGURE_IDS.indexOf(b.figure));
  const measurements = results.flatMap((result) => result.measurements);
  const byId = new Map(measurements.map((m) => [m.id, m]));
  const outcomes = evaluateTargets(
    targetsFor(defaultSynchronous),
    measurements,
    workload.meta.events,
  );
  const profiles = profileRoot
    ? [...profiled, 'workload'].flatMap((figure) =>
        summarizeProfiles(join(profileRoot, figure), 15, ROOT).map((summary) => ({
          figure,
          ...summary,
          file: relative(ROOT, summary.file),
        })),
      )
    : [];
  const report = {
    bench: 'event-sourced-crm',
    version: 1,
    machine,
    settings,
    defaultSynchronous,
    workload: { ...workload.meta, cached: workload.cached },
    measurements: measurements.map((m) => ({ ...m, floorRatio: floorRatio(m, byId) ?? null })),
    targets: outcomes,
    figures: results.map((result) => ({
      figure: result.figure,
      seconds: result.seconds,
      info: result.info,
    })),
    profiles,
    errors,
    totalSeconds: (performance.now() - runStarted) / 1000,
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report as unknown as Json, null, 2)}\n`);

  const lines = [
    '',
    `machine: ${machineLine(machine)}`,
    workloadLine(workload.meta, workload.cached),
    `default durability: synchronous=${defaultSynchronous}`,
    '',
    ...measurementTable(measurements, outcomes),
    '',
    ...targetTable(outcomes),
    '',
    `targets: ${statusCounts(outcomes)}; ${errors.length} figure(s) failed; ${report.totalSeconds.toFixed(0)} s`,
    `results: ${relative(process.cwd(), out)}`,
    ...profiles.flatMap((profile) => [
      `profile ${profile.figure}: ${profile.file}`,
      ...profile.top
        .slice(0, 8)
        .map((f) => `  self ${f.selfPercent}% total ${f.totalPercent}%  ${f.frame}`),
    ]),
    '',
  ];
  process.stdout.write(lines.join('\n'));
  return errors.length > 0 ? 1 : 0;
};

const program = new Command()
  .name('bench')
  .description('Benchmarks of the event-sourced CRM; prints a table and writes a JSON file.')
  .option('--preset <preset>', 'quick (100k events) or full (1M events)', 'full')
  .option('--events <n>', 'size of the workload in events (overrides the preset)')
  .option('--seed <n>', 'seed of the workload and of every random choice', '42')
  .option('--out <file>', 'where to write the JSON (default bench/results/<timestamp>.json)')
  .option('--only <figures>', `run a subset: ${FIGURE_IDS.join(',')}`)
  .option('--profile <figures>', 'run these figures (or "workload", "all") under node --cpu-prof')
  .option('--no-cache', 'build the workload log even if bench/.cache holds it')
  .option('--keep', 'keep the run directory (copies of the log and read models)')
  .action(async (flags: CliFlags) => {
    try {
      process.exitCode = await main(flags);
    } catch (error) {
      if (error instanceof OptionError) {
        process.stderr.write(`error: ${error.message}\n`);
        process.exitCode = 2;
        return;
      }
      throw error;
    }
  });

void program.parseAsync(process.argv);
