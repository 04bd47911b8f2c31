import { DomainEvent } from '@crm/domain';
import { EventSerializer, EventStore, parseEventTypeName, RecordedEvent } from '@crm/event-store';
import { DocumentStore, DocumentWrite } from '@crm/read-store';
import { historyCollectionOf, historyIndexesFor } from '../history/document-history';
import { Projection } from '../projection';
import { applyBatchToSlot, BatchEvent } from './apply-batch';
import { inBatchSpan } from './batch-span';
import { inBatches } from './in-batches';
import { nextGeneration, physicalName, ProjectionSlot } from './projection-slot';
import { PositionWaiters } from './position-waiters';

export type ProjectionRunnerOptions = {
  batchSize?: number;
  /** How long a batch waits for more events once it has one; small, for read-your-writes. */
  lingerMs?: number;
  /** Called after every committed batch (progress bars, metrics). */
  onBatch?: (progress: { position: bigint; events: number; parked: number }) => void;
  log?: (message: string) => void;
  /** Build every projection into a fresh generation from the start of the log, switching when done. */
  rebuild?: boolean;
  /** Backoff after a failure of either store: the first wait, doubled up to the longest. */
  retry?: { initialDelayMs?: number; maxDelayMs?: number };
  /** Called when the runner stalls (each failed attempt) and when it has recovered. */
  onHealth?: (health: RunnerHealth) => void;
};

/**
 * `running` while it follows the log; `stalled` while a store fails and it waits to retry from
 * its checkpoints (which projections it could not advance, the last error, since when).
 */
export type RunnerHealth =
  | { status: 'stopped' | 'running' }
  | {
      status: 'stalled';
      projections: string[];
      error: string;
      since: string;
      attempts: number;
      retryInMs: number;
    };

export type ProjectionStatus = {
  name: string;
  version: number;
  collection: string;
  checkpoint: string;
  rebuilding: boolean;
};

/**
 * Feeds projections from the event store into the document store: one subscription for all of
 * them, from the lowest checkpoint, in batches; each batch's documents and checkpoints commit
 * together, so a crash replays from the last commit and no effect is lost or doubled.
 * A projection whose version changed (or that has no generation yet) fills a new generation
 * from the start of the log while queries keep reading the old one, and is switched in once
 * it has caught up.
 */
export class ProjectionRunner {
  private slots: ProjectionSlot[] = [];
  private readonly abort = new AbortController();
  private loop?: Promise<void>;
  private readonly waiters = new PositionWaiters();
  private rebuildTarget = -1n;
  private stall?: Extract<RunnerHealth, { status: 'stalled' }>;
  private running = false;
  private parkedTotal = 0;

  constructor(
    private readonly events: EventStore,
    private readonly documents: DocumentStore,
    private readonly serializer: EventSerializer,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {}

  /**
   * Prepares generations and checkpoints, then follows the log in the background. A failure of
   * either store never stops it for good: it backs off, re-reads its checkpoints and resumes
   * from them (documents and checkpoints commit together, so nothing is lost or applied twice).
   */
  async start(): Promise<void> {
    this.slots = await Promise.all(this.projections.map((p) => this.slotFor(p)));
    this.rebuildTarget = await this.events.headPosition();
    this.running = true;
    this.loop = this.runHealing().finally(() => {
      this.running = false;
    });
  }

  private async runHealing(): Promise<void> {
    while (!this.abort.signal.aborted) {
      try {
        await this.run();
        return;
      } catch (error) {
        if (this.abort.signal.aborted) return;
        await this.stalled(error);
      }
    }
  }

  private async stalled(error: unknown): Promise<void> {
    const attempts = (this.stall?.attempts ?? 0) + 1;
    const { initialDelayMs = 100, maxDelayMs = 30_000 } = this.options.retry ?? {};
    const retryInMs = Math.min(maxDelayMs, initialDelayMs * 2 ** Math.min(attempts - 1, 30));
    this.stall = {
      status: 'stalled',
      projections: this.slots.map((slot) => slot.projection.name),
      error: errorText(error),
      since: this.stall?.since ?? new Date().toISOString(),
      attempts,
      retryInMs,
    };
    this.options.log?.(
      `projections stalled (attempt ${attempts}): ${this.stall.error}; retrying from their checkpoints in ${retryInMs} ms`,
    );
    this.options.onHealth?.(this.stall);
    await sleep(retryInMs, this.abort.signal);
    if (this.abort.signal.aborted) return;
    try {
      for (const slot of this.slots) {
        slot.checkpoint = (await this.documents.checkpoint(slot.physical)) ?? -1n;
      }
      // Both stores answer again: with nothing left to apply, the runner has recovered now.
      if (this.position() >= (await this.events.headPosition())) this.recovered();
    } catch {
      // Still failing: the next attempt reports it.
    }
  }

  private recovered(): void {
    if (!this.stall) return;
    this.options.log?.(`projections recovered after ${this.stall.attempts} failed attempt(s)`);
    this.stall = undefined;
    this.options.onHealth?.(this.health());
    this.waiters.reached(this.position());
  }

  health(): RunnerHealth {
    if (this.stall) return this.stall;
    return { status: this.running ? 'running' : 'stopped' };
  }

  /** Runs until every projection has applied the log up to its head at call time, then stops. */
  async runToHead(): Promise<void> {
    const head = await this.events.headPosition();
    await this.start();
    await this.waiters.wait(head, Number.POSITIVE_INFINITY);
    await this.stop();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  /** The position every live projection has reached (-1n: none yet). */
  position(): bigint {
    return lowestCheckpoint(this.slots);
  }

  /**
   * Resolves true once every projection has applied `position`, false after `timeoutMs`, and
   * false at once (for a bounded wait) while the runner is stalled: it cannot get there soon.
   */
  waitForPosition(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.position() >= position) return Promise.resolve(true);
    if (this.stall && Number.isFinite(timeoutMs)) return Promise.resolve(false);
    return this.waiters.wait(position, timeoutMs);
  }

  status(): {
    position: string;
    parked: number;
    health: RunnerHealth;
    projections: ProjectionStatus[];
  } {
    return {
      position: this.position().toString(),
      parked: this.parkedTotal,
      health: this.health(),
      projections: this.slots.map((slot) => ({
        name: slot.projection.name,
        version: slot.projection.version,
        collection: slot.physical,
        checkpoint: slot.checkpoint.toString(),
        rebuilding: slot.rebuilding,
      })),
    };
  }

  private async slotFor(projection: Projection): Promise<ProjectionSlot> {
    const active = await this.documents.activeGeneration(projection.name);
    const upToDate =
      !this.options.rebuild &&
      active?.startsWith(`${projection.name}@v${projection.version}.`) &&
      !(await this.lacksHistory(projection, active));
    const physical =
      upToDate && active
        ? active
        : active
          ? nextGeneration(projection, active)
          : physicalName(projection, 1);
    await this.documents.ensureIndexes(physical, projection.indexes);
    const history = projection.history ? historyCollectionOf(physical) : undefined;
    if (history) await this.documents.ensureIndexes(history, historyIndexesFor(projection.indexes));
    const checkpoint = (await this.documents.checkpoint(physical)) ?? -1n;
    const rebuilding = physical !== active;
    if (rebuilding)
      this.options.log?.(
        `projection ${projection.name}: building ${physical} from the start of the log`,
      );
    return { projection, physical, checkpoint, rebuilding, history };
  }

  /**
   * A generation built before its projection kept history holds documents but no versions of
   * them (a kept history has a version of every document): it is rebuilt with its history.
   */
  private async lacksHistory(projection: Projection, physical: string): Promise<boolean> {
    if (!projection.history) return false;
    const anyOf = async (collection: string): Promise<boolean> =>
      (await this.documents.collection(collection).find({}, { limit: 1 })).length > 0;
    return (await anyOf(physical)) && !(await anyOf(historyCollectionOf(physical)));
  }

  /**
   * One attempt at following the log. The subscription has its own abort signal: a failed batch
   * aborts it first, so leaving the loop does not wait for the next event of a quiet log.
   */
  private async run(): Promise<void> {
    const attempt = new AbortController();
    const stop = (): void => attempt.abort();
    this.abort.signal.addEventListener('abort', stop, { once: true });
    let failure: { error: unknown } | undefined;
    try {
      const from = lowestCheckpoint(this.slots);
      await this.switchCaughtUpGenerations();
      const subscription = this.events.subscribeToAll({
        after: from < 0n ? undefined : from,
        signal: attempt.signal,
      });
      for await (const batch of inBatches(
        subscription,
        this.options.batchSize ?? 1000,
        this.options.lingerMs ?? 2,
      )) {
        try {
          await inBatchSpan(batch, () => this.applyBatch(batch));
          await this.switchCaughtUpGenerations();
        } catch (error) {
          failure = { error };
          attempt.abort();
          break;
        }
        if (this.abort.signal.aborted) return;
      }
    } finally {
      this.abort.signal.removeEventListener('abort', stop);
    }
    if (failure) throw failure.error;
  }

  private decode(recorded: RecordedEvent): BatchEvent {
    const base = {
      position: recorded.position,
      id: recorded.id,
      type: parseEventTypeName(recorded.type).name,
      streamName: recorded.streamName,
    };
    try {
      return { ...base, event: this.serializer.deserialize<DomainEvent>(recorded) };
    } catch (decodeError) {
      return { ...base, decodeError };
    }
  }

  private async applyBatch(recorded: RecordedEvent[]): Promise<void> {
    const batch = recorded.map((r) => this.decode(r));
    const last = batch[batch.length - 1].position;
    const writes: DocumentWrite[] = [];
    const checkpoints: { name: string; position: bigint }[] = [];
    let parked = 0;
    for (const slot of this.slots) {
      if (slot.checkpoint >= last) continue;
      const applied = await applyBatchToSlot(slot, batch, this.documents);
      writes.push(...applied.writes);
      parked += applied.parked;
      checkpoints.push({ name: slot.physical, position: last });
    }
    if (checkpoints.length === 0) return;
    await this.documents.commit({ writes, checkpoints, position: last });
    for (const slot of this.slots) if (slot.checkpoint < last) slot.checkpoint = last;
    this.recovered();
    this.parkedTotal += parked;
    this.options.onBatch?.({ position: last, events: batch.length, parked });
    this.waiters.reached(this.position());
  }

  /** A rebuilt generation becomes the one queries read once it has reached the head seen at start. */
  private async switchCaughtUpGenerations(): Promise<void> {
    for (const slot of this.slots) {
      if (!slot.rebuilding || slot.checkpoint < this.rebuildTarget) continue;
      const previous = await this.documents.activeGeneration(slot.projection.name);
      await this.documents.switchGeneration(slot.projection.name, slot.physical);
      if (previous && previous !== slot.physical) {
        await this.documents.dropCollection(previous);
        await this.documents.dropCollection(historyCollectionOf(previous));
      }
      slot.rebuilding = false;
      this.options.log?.(`projection ${slot.projection.name}: ${slot.physical} is now live`);
    }
  }
}

const lowestCheckpoint = (slots: readonly ProjectionSlot[]): bigint =>
  slots.length === 0
    ? -1n
    : slots.reduce(
        (min, slot) => (slot.checkpoint < min ? slot.checkpoint : min),
        slots[0].checkpoint,
      );

const errorText = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
