import {
  deterministicId,
  ExecuteDomainCommand,
  loadConfig,
  ProcessManagers,
} from '@crm/application';
import { createEmbeddedDocumentStore } from '@crm/read-store';
import { CommandBus } from '@nestjs/cqrs';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { log, throttled } from './log';
import { Json } from './model';
import { DependencyScheduler } from './scheduler';
import { commitStatsOf, openApplication, openEventStore, removeDatabase } from './stores';
import { Synchronous } from './targets';
import {
  BENCH_TENANT,
  COHORT_SHAPE,
  itemsForEvents,
  recordsTouched,
  WORKLOAD_VERSION,
  WorkloadItem,
  workloadItems,
} from './workload-plan';

/**
 * Builds the workload's log through the real command path (CommandBus, preparers, deciders,
 * the lead-conversion process manager) in-process, with the default durability and a large
 * concurrency under a simulated clock, and caches it in bench/.cache keyed by seed, size and a
 * fingerprint of the code that shapes the events (demo data, domain, event schema, this file).
 */

export type WorkloadMeta = {
  version: number;
  fingerprint: string;
  seed: number;
  /** The size asked for. */
  targetEvents: number;
  /** Demo commands sent. */
  commands: number;
  cohorts: number;
  /** Every event in the log (domain events plus process-manager bookkeeping). */
  events: number;
  tenantId: string;
  pipelineId: string;
  byKind: Record<string, number>;
  byType: Record<string, number>;
  /** Simulated time of the first and last event. */
  from: string;
  to: string;
  cohortShape: Record<string, number>;
  build: {
    seconds: number;
    commandsPerSecond: number;
    eventsPerSecond: number;
    concurrency: number;
    synchronous: Synchronous;
    commits: number | null;
    refused: number;
    refusals: string[];
    builtAt: string;
  };
};

export type BuildWorkloadInput = {
  seed: number;
  events: number;
  path: string;
  concurrency: number;
  synchronous: Synchronous;
};

/**
 * Sources that decide what the log holds; their hash is part of the cache key. The domain and
 * the event store are left out on purpose (others change them all the time and old events stay
 * readable by design): after a change that alters the events themselves, run with --no-cache.
 */
const FINGERPRINTED = [
  'libs/demo-data/src',
  'libs/event-store/src/sqlite/sqlite-schema.ts',
  'bench/workload.ts',
  'bench/workload-plan.ts',
];

const sourceFiles = (path: string): string[] => {
  if (!existsSync(path)) return [];
  if (path.endsWith('.ts')) return [path];
  return readdirSync(path, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? sourceFiles(join(path, entry.name))
        : entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')
          ? [join(path, entry.name)]
          : [],
    )
    .sort();
};

export const workloadFingerprint = (root: string): string => {
  const hash = createHash('sha256').update(`v${WORKLOAD_VERSION}`);
  for (const base of FINGERPRINTED) {
    for (const file of sourceFiles(join(root, base))) {
      hash.update(relative(root, file)).update(readFileSync(file));
    }
  }
  return hash.digest('hex').slice(0, 12);
};

export const workloadCachePath = (
  cacheDir: string,
  seed: number,
  events: number,
  fingerprint: string,
): { db: string; meta: string } => {
  const base = join(cacheDir, `workload-s${seed}-n${events}-${fingerprint}`);
  return { db: `${base}.sqlite`, meta: `${base}.json` };
};

export const readCachedWorkload = (metaPath: string, dbPath: string): WorkloadMeta | undefined => {
  if (!existsSync(metaPath) || !existsSync(dbPath)) return undefined;
  return JSON.parse(readFileSync(metaPath, 'utf8')) as WorkloadMeta;
};

export const writeWorkloadMeta = (metaPath: string, meta: WorkloadMeta): void => {
  writeFileSync(`${metaPath}.tmp`, `${JSON.stringify(meta, null, 2)}\n`);
  renameSync(`${metaPath}.tmp`, metaPath);
};

const describeError = (error: unknown): string => {
  const code: unknown = typeof error === 'object' && error ? Reflect.get(error, 'code') : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${code}: ${message}` : message;
};

const contextFor = (seed: number, item: WorkloadItem) => {
  const idempotencyKey = `bench-workload:${seed}:${item.seq}`;
  const commandId = deterministicId(BENCH_TENANT, idempotencyKey);
  return {
    tenantId: BENCH_TENANT,
    actorId: item.actorId,
    principal: { kind: 'user' as const, subject: item.actorId },
    commandId,
    correlationId: commandId,
    causationId: commandId,
    idempotencyKey,
    requestHash: createHash('sha256')
      .update(JSON.stringify({ kind: item.kind, recordId: item.recordId, command: item.command }))
      .digest('hex'),
  };
};

type LogFacts = Pick<WorkloadMeta, 'events' | 'byKind' | 'byType' | 'from' | 'to'>;

/** Counts per aggregate kind and event type, read straight from the file. */
export const logFacts = (path: string): LogFacts => {
  const db = new Database(path, { readonly: true });
  try {
    const byType: Record<string, number> = {};
    const byKind: Record<string, number> = {};
    let events = 0;
    const rows = db
      .prepare(
        `SELECT type, substr(stream_name, 1, instr(stream_name, '-') - 1) AS kind, COUNT(*) AS n
         FROM events GROUP BY type, kind ORDER BY type`,
      )
      .all() as { type: string; kind: string; n: number }[];
    for (const row of rows) {
      byType[row.type] = (byType[row.type] ?? 0) + row.n;
      byKind[row.kind] = (byKind[row.kind] ?? 0) + row.n;
      events += row.n;
    }
    const span = db
      .prepare(
        `SELECT MIN(recorded_at) AS first, MAX(recorded_at) AS last FROM events
         WHERE stream_name NOT LIKE 'crmprocess-%'`,
      )
      .get() as { first: string | null; last: string | null };
    return { events, byKind, byType, from: span.first ?? '', to: span.last ?? '' };
  } finally {
    db.close();
  }
};

/** Sends the first commands of the workload through the CommandBus; writes the log at `path`. */
export const buildWorkload = async (input: BuildWorkloadInput): Promise<WorkloadMeta> => {
  removeDatabase(input.path);
  const store = openEventStore(input.path, input.synchronous);
  const stats = commitStatsOf(store);
  let now = new Date(0);
  const app = await openApplication({
    // Projections run too: lead engagement waits for the read models to reach its event (it
    // would wait forever for a read side that never moves).
    config: loadConfig({ CRM_RUN_PROJECTIONS: 'true', CRM_RUN_PROCESSES: 'true' }),
    eventStore: store,
    documentStore: createEmbeddedDocumentStore({ path: ':memory:' }),
    clock: () => now,
  });
  const commands = itemsForEvents(input.events);
  const refusals: string[] = [];
  let refused = 0;
  let done = 0;
  let appended = 0;
  let cohorts = 0;
  let pipelineId = '';
  const progress = throttled(5000);
  const started = performance.now();
  try {
    const bus = app.get(CommandBus);
    const scheduler = new DependencyScheduler(input.concurrency);
    for (const item of workloadItems(input.seed, commands)) {
      if (item.at > now) now = item.at;
      cohorts = Math.max(cohorts, item.cohort + 1);
      if (!pipelineId && item.command.type === 'DefinePipeline') pipelineId = item.recordId;
      const message = new ExecuteDomainCommand(
        item.kind,
        item.recordId,
        item.command,
        contextFor(input.seed, item),
      );
      await scheduler.submit(recordsTouched(item), async () => {
        try {
          const result = await bus.execute(message);
          appended += result.appended;
        } catch (error) {
          refused += 1;
          if (refusals.length < 10)
            refusals.push(`#${item.seq} ${item.command.type}: ${describeError(error)}`);
        }
        done += 1;
        progress(() => {
          const seconds = (performance.now() - started) / 1000;
          return `workload: ${done}/${commands} commands, ${appended} events, ${Math.round(done / seconds)} commands/s`;
        });
      });
    }
    await scheduler.drain();
    await app.get(ProcessManagers).waitUntilCaughtUp();
  } finally {
    await app.close();
  }
  const seconds = (performance.now() - started) / 1000;
  if (refused > commands * 0.001) {
    throw new Error(`workload: ${refused} of ${commands} commands refused: ${refusals.join('; ')}`);
  }
  const facts = logFacts(input.path);
  const commits = stats ? stats().commits : null;
  log(
    `workload: ${commands} commands, ${facts.events} events in ${seconds.toFixed(1)} s (${Math.round(commands / seconds)} commands/s)`,
  );
  return {
    version: WORKLOAD_VERSION,
    fingerprint: '',
    seed: input.seed,
    targetEvents: input.events,
    commands,
    cohorts,
    tenantId: BENCH_TENANT,
    pipelineId,
    ...facts,
    cohortShape: { ...COHORT_SHAPE },
    build: {
      seconds,
      commandsPerSecond: commands / seconds,
      eventsPerSecond: facts.events / seconds,
      concurrency: input.concurrency,
      synchronous: input.synchronous,
      commits,
      refused,
      refusals,
      builtAt: new Date().toISOString(),
    },
  };
};

/** For the child process: builds the log and returns its description. */
export const buildWorkloadTask = async (input: BuildWorkloadInput): Promise<Json> =>
  (await buildWorkload(input)) as unknown as Json;
