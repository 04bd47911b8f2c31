import { allProjections, ProjectionRunner } from '@crm/projections';
import { createEmbeddedDocumentStore } from '@crm/read-store';
import { BenchContext } from '../context';
import { log, throttled } from '../log';
import { FigureResult } from '../model';
import { runInChild } from '../run-child';
import { ratePerSecond } from '../stats';
import { createSerializer, openEventStore, removeDatabase } from '../stores';
import { ids } from '../targets';

/**
 * Figure 4: every projection starting from zero on the stored log (empty read store), then a full
 * rebuild as `crm rebuild` does it (the existing read models are loaded, every projection is built
 * into a fresh generation, switched in, the old one dropped). Each runs in its own process, so
 * its peak RSS is its own.
 */

export type ProjectionRun = {
  events: number;
  batches: number;
  parked: number;
  seconds: number;
  /** Rebuild only: opening the read store (it loads every document into memory). */
  loadSeconds: number;
  heapMiB: number;
};

const MIB = 1024 * 1024;

const runProjections = async (ctx: BenchContext, rebuild: boolean): Promise<ProjectionRun> => {
  if (!rebuild) removeDatabase(ctx.readModelsPath);
  const events = openEventStore(ctx.eventsPath, ctx.defaultSynchronous);
  const loadStarted = performance.now();
  const documents = createEmbeddedDocumentStore({ path: ctx.readModelsPath });
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const head = Number(await events.headPosition());
  let applied = 0;
  let batches = 0;
  let parked = 0;
  const progress = throttled(5000);
  const started = performance.now();
  const label = rebuild ? 'rebuild' : 'catch-up';
  try {
    const runner = new ProjectionRunner(events, documents, createSerializer(), allProjections, {
      rebuild,
      onBatch: (batch) => {
        applied += batch.events;
        batches += 1;
        parked += batch.parked;
        progress(() => {
          const rate = ratePerSecond(applied, performance.now() - started);
          return `${label}: ${applied}/${head} events, ${Math.round(rate)} events/s`;
        });
      },
    });
    await runner.runToHead();
    const seconds = (performance.now() - started) / 1000;
    log(`${label}: ${applied} events in ${seconds.toFixed(1)} s`);
    return {
      events: applied,
      batches,
      parked,
      seconds,
      loadSeconds,
      heapMiB: process.memoryUsage().heapUsed / MIB,
    };
  } finally {
    await documents.close();
    await events.close();
  }
};

export const catchUpTask = (ctx: BenchContext): Promise<ProjectionRun> =>
  runProjections(ctx, false);
export const rebuildTask = (ctx: BenchContext): Promise<ProjectionRun> => runProjections(ctx, true);

export const catchUpFigure = async (
  ctx: BenchContext,
  report: boolean,
): Promise<FigureResult | undefined> => {
  const started = performance.now();
  const profileDir = ctx.profileDir;
  const catchUp = await runInChild<ProjectionRun>('catch-up', ctx, { profileDir });
  if (!report) return undefined;
  const rebuild = await runInChild<ProjectionRun>('rebuild', ctx, { profileDir });
  const events = catchUp.result.events;
  return {
    figure: 'catch-up',
    measurements: [
      {
        id: ids.catchUpRate,
        figure: 'catch-up',
        label: 'all projections from zero',
        value: ratePerSecond(events, catchUp.result.seconds * 1000),
        unit: 'events/s',
        floor: ids.rawScanRate,
      },
      {
        id: 'catch-up.seconds',
        figure: 'catch-up',
        label: `catch-up time, ${events} events`,
        value: catchUp.result.seconds,
        unit: 's',
        floor: ids.rawScanSeconds,
      },
      {
        id: 'catch-up.peak-rss',
        figure: 'catch-up',
        label: 'catch-up peak RSS',
        value: catchUp.maxRssMiB,
        unit: 'MiB',
      },
      {
        id: ids.rebuildSeconds,
        figure: 'catch-up',
        label: `full rebuild (rebuild: true), ${rebuild.result.events} events`,
        value: rebuild.result.seconds,
        unit: 's',
        floor: ids.rawScanSeconds,
        note: `plus ${rebuild.result.loadSeconds.toFixed(1)} s loading the existing read models`,
      },
      {
        id: 'rebuild.load-seconds',
        figure: 'catch-up',
        label: 'rebuild: opening the read store (load)',
        value: rebuild.result.loadSeconds,
        unit: 's',
      },
      {
        id: ids.rebuildPeakRss,
        figure: 'catch-up',
        label: 'full rebuild peak RSS',
        value: rebuild.maxRssMiB,
        unit: 'MiB',
      },
    ],
    info: {
      catchUp: { ...catchUp.result, processSeconds: catchUp.seconds },
      rebuild: { ...rebuild.result, processSeconds: rebuild.seconds },
    },
    seconds: (performance.now() - started) / 1000,
  };
};
