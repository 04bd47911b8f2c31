import { EventStore } from '@crm/event-store';
import { allProjections } from '@crm/projections';
import { DocumentStore } from '@crm/read-store';
import { Counter, Gauge } from 'prom-client';
import { CrmMetrics } from './crm-metrics';

export type ReadSideSources = {
  events: EventStore;
  documents: DocumentStore;
  /** Positions the process managers of this process have reached, by name. */
  processPositions?: () => Record<string, bigint>;
};

type CommitStats = { commits: number; appends: number };

const hasCommitStats = (store: unknown): store is { stats(): CommitStats } =>
  typeof (store as { stats?: unknown }).stats === 'function';

const lagOf = (head: bigint, position: bigint): number =>
  Number(head > position ? head - position : 0n);

/**
 * Gauges read at scrape time: the event store's head, each projection's checkpoint and lag (the
 * live generation's, as queries see it, whoever maintains it), the process managers' lag and,
 * on the embedded store, commits and the appends they carried (their ratio is the group-commit
 * size).
 */
export const observeReadSide = (metrics: CrmMetrics, sources: ReadSideSources): void => {
  const { events, documents } = sources;
  const registers = [metrics.registry];
  new Gauge({
    name: 'crm_event_store_head_position',
    help: 'Global position of the last event in the log (-1: empty)',
    registers,
    async collect() {
      this.set(Number(await events.headPosition()));
    },
  });
  new Gauge({
    name: 'crm_projection_position',
    help: "Checkpoint of each projection's live read model",
    labelNames: ['projection'] as const,
    registers,
    async collect() {
      for (const projection of allProjections) {
        const live = await documents.activeGeneration(projection.name);
        const checkpoint = live ? ((await documents.checkpoint(live)) ?? -1n) : -1n;
        this.set({ projection: projection.name }, Number(checkpoint));
      }
    },
  });
  new Gauge({
    name: 'crm_projection_lag_events',
    help: "Events between the head of the log and each projection's live read model",
    labelNames: ['projection'] as const,
    registers,
    async collect() {
      const head = await events.headPosition();
      for (const projection of allProjections) {
        const live = await documents.activeGeneration(projection.name);
        const checkpoint = live ? ((await documents.checkpoint(live)) ?? -1n) : -1n;
        this.set({ projection: projection.name }, lagOf(head, checkpoint));
      }
    },
  });
  if (sources.processPositions) {
    const positions = sources.processPositions;
    new Gauge({
      name: 'crm_process_manager_lag_events',
      help: 'Events between the head of the log and each process manager of this process',
      labelNames: ['process'] as const,
      registers,
      async collect() {
        const head = await events.headPosition();
        for (const [name, position] of Object.entries(positions())) {
          this.set({ process: name }, lagOf(head, position));
        }
      },
    });
  }
  if (hasCommitStats(events)) {
    const store = events;
    new Counter({
      name: 'crm_event_store_commits_total',
      help: 'Transactions the embedded event store committed (each one sync to disk)',
      registers,
      collect() {
        this.reset();
        this.inc(store.stats().commits);
      },
    });
    new Counter({
      name: 'crm_event_store_committed_appends_total',
      help: 'Appends those transactions carried; divided by the commits: the group-commit size',
      registers,
      collect() {
        this.reset();
        this.inc(store.stats().appends);
      },
    });
  }
};
