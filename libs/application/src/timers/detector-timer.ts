import { Projection } from '@crm/projections';
import { Document, DocumentStore } from '@crm/read-store';
import { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';

/** The generation queries read; none before its first build, which a check waits for. */
export const servedCollection = async <T extends Document>(
  documents: DocumentStore,
  projection: Projection<T>,
) => {
  const physical = await documents.activeGeneration(projection.name);
  if (physical === undefined) throw new Error(`the ${projection.name} read model is not built yet`);
  return documents.collection<T>(physical);
};

/**
 * A periodic detector's place in the process: it runs where the process managers run
 * (CRM_RUN_PROCESSES), from the application's start, and stops before the stores close.
 */
export abstract class DetectorTimer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  abstract readonly detector: { start(): void; stop(): Promise<void> };

  protected constructor(private readonly runsProcesses: boolean) {}

  /** Whether the detector runs in this process at all. */
  get running(): boolean {
    return this.runsProcesses;
  }

  onApplicationBootstrap(): void {
    if (this.running) this.detector.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.detector.stop();
  }
}
