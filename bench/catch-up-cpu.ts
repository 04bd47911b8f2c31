import { allProjections, ProjectionRunner } from '@crm/projections';
import { createEmbeddedDocumentStore } from '@crm/read-store';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSerializer, openEventStore } from './stores';

/**
 * Scratch driver for profiling catch-up: every projection from zero into an empty embedded read
 * store over the cached quick workload, printing the CPU time (user + system, far steadier than
 * wall time on a shared machine) of the first 20,000 events, of the whole log up to its last
 * batch, and of the switch that follows (index fill); with `--rebuild`, then a full rebuild over
 * those read models, as `crm rebuild` does. Run it under `node --cpu-prof` to profile:
 *
 *   node -r @swc-node/register bench/catch-up-cpu.ts [log.sqlite] [--rebuild]
 */
const FIRST = 20_000;

const cachedLog = (): string => {
  const dir = join(__dirname, '.cache');
  const found = existsSync(dir)
    ? readdirSync(dir).filter((name) => /^workload-s42-n100000-[0-9a-f]+\.sqlite$/.test(name))
    : [];
  if (found.length === 0) throw new Error(`no cached quick workload in ${dir}: run the bench once`);
  return join(dir, found[0]);
};

const cpuMs = (since?: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

const perEvent = (ms: number, n: number): string => `${((ms * 1000) / n).toFixed(0)} us/event`;

/** One run of every projection to the head, into the read store at `readPath`. */
const runOnce = async (eventsPath: string, readPath: string, rebuild: boolean): Promise<void> => {
  const label = rebuild ? 'rebuild' : 'catch-up';
  const events = openEventStore(eventsPath, 'NORMAL');
  const opened = process.cpuUsage();
  const documents = createEmbeddedDocumentStore({ path: readPath });
  const openMs = cpuMs(opened);
  let applied = 0;
  let firstMs: number | undefined;
  let lastBatchMs = 0;
  const started = process.cpuUsage();
  const wallStarted = performance.now();
  try {
    const runner = new ProjectionRunner(events, documents, createSerializer(), allProjections, {
      rebuild,
      onBatch: (batch) => {
        applied += batch.events;
        if (firstMs === undefined && applied >= FIRST) firstMs = cpuMs(started);
        lastBatchMs = cpuMs(started);
      },
    });
    await runner.runToHead();
    const totalMs = cpuMs(started);
    const wallS = (performance.now() - wallStarted) / 1000;
    const rssMiB = process.memoryUsage().rss / 1024 / 1024;
    console.log(`${label}: opening the read store ${openMs.toFixed(0)} ms CPU`);
    console.log(
      `${label}: first ${FIRST}: ${firstMs?.toFixed(0)} ms CPU, ${perEvent(firstMs ?? 0, FIRST)}`,
    );
    console.log(
      `${label}: all ${applied} batches: ${lastBatchMs.toFixed(0)} ms CPU, ${perEvent(lastBatchMs, applied)}`,
    );
    console.log(`${label}: switch (index fill): ${(totalMs - lastBatchMs).toFixed(0)} ms CPU`);
    console.log(
      `${label}: total ${totalMs.toFixed(0)} ms CPU, ${perEvent(totalMs, applied)}; wall ${wallS.toFixed(1)} s; RSS ${rssMiB.toFixed(0)} MiB`,
    );
  } finally {
    await documents.close();
    await events.close();
  }
};

const main = async (): Promise<void> => {
  const work = mkdtempSync(join(tmpdir(), 'catch-up-cpu-'));
  const eventsPath = join(work, 'events.sqlite');
  const log = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  copyFileSync(log ?? cachedLog(), eventsPath);
  const readPath = join(work, 'read.sqlite');
  try {
    await runOnce(eventsPath, readPath, false);
    if (process.argv.includes('--rebuild')) await runOnce(eventsPath, readPath, true);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};

void main();
