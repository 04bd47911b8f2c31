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
 * batch, and of the switch that follows (index fill). Run it under `node --cpu-prof` to profile:
 *
 *   node -r @swc-node/register bench/catch-up-cpu.ts [log.sqlite]
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

const main = async (): Promise<void> => {
  const work = mkdtempSync(join(tmpdir(), 'catch-up-cpu-'));
  const eventsPath = join(work, 'events.sqlite');
  copyFileSync(process.argv[2] ?? cachedLog(), eventsPath);
  const events = openEventStore(eventsPath, 'NORMAL');
  const documents = createEmbeddedDocumentStore({ path: join(work, 'read.sqlite') });
  let applied = 0;
  let firstMs: number | undefined;
  let lastBatchMs = 0;
  const started = process.cpuUsage();
  const wallStarted = performance.now();
  try {
    const runner = new ProjectionRunner(events, documents, createSerializer(), allProjections, {
      onBatch: (batch) => {
        applied += batch.events;
        if (firstMs === undefined && applied >= FIRST) firstMs = cpuMs(started);
        lastBatchMs = cpuMs(started);
      },
    });
    await runner.runToHead();
    const totalMs = cpuMs(started);
    const wallS = (performance.now() - wallStarted) / 1000;
    const perEvent = (ms: number, n: number): string => `${((ms * 1000) / n).toFixed(0)} us/event`;
    console.log(`first ${FIRST}: ${firstMs?.toFixed(0)} ms CPU, ${perEvent(firstMs ?? 0, FIRST)}`);
    console.log(
      `all ${applied} batches: ${lastBatchMs.toFixed(0)} ms CPU, ${perEvent(lastBatchMs, applied)}`,
    );
    console.log(`switch (index fill): ${(totalMs - lastBatchMs).toFixed(0)} ms CPU`);
    console.log(
      `total: ${totalMs.toFixed(0)} ms CPU, ${perEvent(totalMs, applied)}; wall ${wallS.toFixed(1)} s`,
    );
  } finally {
    await documents.close();
    await events.close();
    rmSync(work, { recursive: true, force: true });
  }
};

void main();
