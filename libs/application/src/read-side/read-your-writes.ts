import { DocumentStore } from '@crm/read-store';
import { ProjectionRunner } from '@crm/projections';
import { PositionNotWrittenError } from './position-not-written.error';
import { ReadModelsBehindError } from './read-models-behind.error';

const POLL_MS = 20;

/**
 * Waits, within a bound, until every read model has applied a given global position. In-process
 * projections wake the waiter as they commit; with projections in another process (the projector)
 * the checkpoints in the document store are polled. A position beyond the log's head is refused
 * at once (no command answered it), and so is a wait while the projections are stalled.
 */
export class ReadYourWrites {
  constructor(
    private readonly documents: DocumentStore,
    private readonly checkpointNames: () => Promise<string[]>,
    private readonly runner: ProjectionRunner | undefined,
    private readonly timeoutMs: number,
    private readonly headPosition: () => Promise<bigint>,
  ) {}

  async waitFor(position: bigint): Promise<void> {
    if (this.runner) {
      if (await this.runner.waitForPosition(position, 0)) return;
      await this.refuseBeyondHead(position);
      if (await this.runner.waitForPosition(position, this.timeoutMs)) return;
      const health = this.runner.health();
      throw new ReadModelsBehindError(
        position,
        this.runner.position(),
        this.timeoutMs,
        health.status === 'stalled' ? health : undefined,
      );
    }
    const deadline = Date.now() + this.timeoutMs;
    let checkedHead = false;
    for (;;) {
      const reached = await this.reached();
      if (reached >= position) return;
      if (!checkedHead) {
        await this.refuseBeyondHead(position);
        checkedHead = true;
      }
      if (Date.now() >= deadline)
        throw new ReadModelsBehindError(position, reached, this.timeoutMs);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async refuseBeyondHead(position: bigint): Promise<void> {
    const head = await this.headPosition();
    if (position > head) throw new PositionNotWrittenError(position, head);
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
