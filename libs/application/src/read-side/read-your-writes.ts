import { DocumentStore } from '@crm/read-store';
import { ProjectionRunner } from '@crm/projections';
import { ReadModelsBehindError } from './read-models-behind.error';

const POLL_MS = 20;

/**
 * Waits, within a bound, until every read model has applied a given global position. In-process
 * projections wake the waiter as they commit; with projections in another process (the projector)
 * the checkpoints in the document store are polled.
 */
export class ReadYourWrites {
  constructor(
    private readonly documents: DocumentStore,
    private readonly checkpointNames: () => Promise<string[]>,
    private readonly runner: ProjectionRunner | undefined,
    private readonly timeoutMs: number,
  ) {}

  async waitFor(position: bigint): Promise<void> {
    if (this.runner) {
      if (await this.runner.waitForPosition(position, this.timeoutMs)) return;
      throw new ReadModelsBehindError(position, this.runner.position(), this.timeoutMs);
    }
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const reached = await this.reached();
      if (reached >= position) return;
      if (Date.now() >= deadline)
        throw new ReadModelsBehindError(position, reached, this.timeoutMs);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async reached(): Promise<bigint> {
    const names = await this.checkpointNames();
    const checkpoints = await Promise.all(names.map((name) => this.documents.checkpoint(name)));
    let lowest: bigint | undefined;
    for (const checkpoint of checkpoints) {
      const reached = checkpoint ?? -1n;
      if (lowest === undefined || reached < lowest) lowest = reached;
    }
    return lowest ?? -1n;
  }
}
