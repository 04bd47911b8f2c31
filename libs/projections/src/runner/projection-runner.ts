import { DomainEvent } from '@crm/domain';
import { EventSerializer, EventStore, parseEventTypeName, RecordedEvent } from '@crm/event-store';
import { DocumentStore, DocumentWrite } from '@crm/read-store';
import { Projection } from '../projection';
import { applyBatchToSlot, BatchEvent } from './apply-batch';
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
  private failure?: unknown;
  private parkedTotal = 0;

  constructor(
    private readonly events: EventStore,
    private readonly documents: DocumentStore,
    private readonly serializer: EventSerializer,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {}

  /** Prepares generations and checkpoints, then follows the log in the background. */
  async start(): Promise<void> {
    this.slots = await Promise.all(this.projections.map((p) => this.slotFor(p)));
    this.rebuildTarget = await this.events.headPosition();
    this.loop = this.run().catch((error: unknown) => {
      if (this.abort.signal.aborted) return;
      this.failure = error;
      this.options.log?.(`projection runner stopped: ${String(error)}`);
      this.waiters.failAll(error);
    });
  }

  /** Runs until every projection has applied the log up to its head at call time, then stops. */
  async runToHead(): Promise<void> {
    const head = await this.events.headPosition();
    await this.start();
    await this.waitForPosition(head, Number.POSITIVE_INFINITY);
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

  /** Resolves true once every projection has applied `position`, false after `timeoutMs`. */
  waitForPosition(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.position() >= position) return Promise.resolve(true);
    return this.waiters.wait(position, timeoutMs);
  }

  status(): { position: string; parked: number; projections: ProjectionStatus[] } {
    return {
      position: this.position().toString(),
      parked: this.parkedTotal,
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
      !this.options.rebuild && active?.startsWith(`${projection.name}@v${projection.version}.`);
    const physical =
      upToDate && active
        ? active
        : active
          ? nextGeneration(projection, active)
          : physicalName(projection, 1);
    await this.documents.ensureIndexes(physical, projection.indexes);
    const checkpoint = (await this.documents.checkpoint(physical)) ?? -1n;
    const rebuilding = physical !== active;
    if (rebuilding)
      this.options.log?.(
        `projection ${projection.name}: building ${physical} from the start of the log`,
      );
    return { projection, physical, checkpoint, rebuilding };
  }

  private async run(): Promise<void> {
    const from = lowestCheckpoint(this.slots);
    await this.switchCaughtUpGenerations();
    const subscription = this.events.subscribeToAll({
      after: from < 0n ? undefined : from,
      signal: this.abort.signal,
    });
    for await (const batch of inBatches(
      subscription,
      this.options.batchSize ?? 1000,
      this.options.lingerMs ?? 2,
    )) {
      await this.applyBatch(batch);
      await this.switchCaughtUpGenerations();
      if (this.abort.signal.aborted) return;
    }
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
      if (previous && previous !== slot.physical) await this.documents.dropCollection(previous);
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
