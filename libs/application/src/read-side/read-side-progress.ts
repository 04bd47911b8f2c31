import { allProjections, ProjectionRunner, RunnerHealth } from '@crm/projections';
import { DocumentStore } from '@crm/read-store';

/** How far the read models queries see have applied the log, whoever maintains them. */
export type ReadSideProgress = {
  /** 'in-process': this process runs the projections; 'checkpoints': another one does. */
  source: 'in-process' | 'checkpoints';
  /** The position every live read model has reached (-1n: none yet). */
  position(): Promise<bigint>;
  /** Why the projections here stopped following the log; undefined while they follow it. */
  stalled(): Promise<StallReport | undefined>;
};

/** Which projections a failing store holds back, the last error, since when, attempts so far. */
export type StallReport = { projections: string[]; error: string; since: string; attempts: number };

/** The stall a runner reports, without its retry timing. */
export const stallOf = (health: RunnerHealth | undefined): StallReport | undefined =>
  health?.status === 'stalled'
    ? {
        projections: health.projections,
        error: health.error,
        since: health.since,
        attempts: health.attempts,
      }
    : undefined;

/** The projections of this process, as their runner reports them. */
export const runnerProgress = (runner: ProjectionRunner): ReadSideProgress => ({
  source: 'in-process',
  position: async () => runner.position(),
  stalled: async () => stallOf(runner.health()),
});

/**
 * The read models as the read store records them: the checkpoint of each projection's live
 * generation, the lowest of them. True for an API whose projections run in a projector process.
 * A stalled projector shows as a checkpoint that no longer moves, so as growing lag.
 */
export const checkpointProgress = (documents: DocumentStore): ReadSideProgress => ({
  source: 'checkpoints',
  position: async () => {
    let lowest: bigint | undefined;
    for (const projection of allProjections) {
      const live = await documents.activeGeneration(projection.name);
      const checkpoint = live ? ((await documents.checkpoint(live)) ?? -1n) : -1n;
      if (lowest === undefined || checkpoint < lowest) lowest = checkpoint;
    }
    return lowest ?? -1n;
  },
  stalled: async () => undefined,
});
