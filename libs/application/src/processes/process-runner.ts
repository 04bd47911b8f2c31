import { DomainError } from '@crm/domain';
import { EventSerializer, EventStore, parseEventTypeName, RecordedEvent } from '@crm/event-store';
import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { lastValueFrom, of, toArray } from 'rxjs';
import { ReferenceNotFoundError } from '../command-errors';
import { ExecuteDomainCommand } from '../nest/execute-domain-command';
import { parseStreamName } from '../stream-name';
import { CheckpointSaver } from './checkpoint-saver';
import { loadCheckpoint, parkEvent } from './process-checkpoints';
import { ProcessDefinition } from './process-definition';

const TRANSIENT_RETRIES = 3;

/**
 * Feeds one process manager from the log, from its checkpoint on, one event at a time: the
 * commands an event asks for are executed (idempotently) before the checkpoint moves past it.
 * A crash replays from the checkpoint; the commands' idempotency keys make the replay harmless.
 * An event whose commands a rule refuses is parked with the error and the process goes on.
 */
export class ProcessRunner {
  private readonly logger: Logger;
  private readonly abort = new AbortController();
  private loop?: Promise<void>;
  /** Last position the loop has gone past (handled, or not relevant); -1n before any. */
  private reached = -1n;
  private ended?: Error;
  private waiters: { target: bigint; resolve: () => void; reject: (error: Error) => void }[] = [];
  private readonly checkpoints: CheckpointSaver;

  constructor(
    private readonly definition: ProcessDefinition,
    private readonly store: EventStore,
    private readonly serializer: EventSerializer,
    private readonly commandBus: CommandBus,
  ) {
    this.logger = new Logger(`Process:${definition.name}`);
    this.checkpoints = new CheckpointSaver(store, definition.name, (error) =>
      this.logger.warn(`checkpoint not saved (saved again with the next): ${String(error)}`),
    );
  }

  start(): void {
    this.loop ??= this.run()
      .catch((error: unknown) => {
        if (!this.abort.signal.aborted) this.logger.error(`stopped: ${String(error)}`);
        this.end(new Error(`process ${this.definition.name} stopped: ${String(error)}`));
      })
      .finally(() => this.end(new Error(`process ${this.definition.name} was stopped`)));
  }

  /**
   * Resolves once every event in the log at call time has been handled (its commands executed
   * or the event parked); rejects if the runner is not running or stops first.
   */
  async waitUntilCaughtUp(): Promise<void> {
    if (!this.loop) throw new Error(`process ${this.definition.name} is not running`);
    const target = await this.store.headPosition();
    if (this.reached >= target) return;
    if (this.ended) throw this.ended;
    return new Promise((resolve, reject) => this.waiters.push({ target, resolve, reject }));
  }

  /** Stops after the event in hand and saves the checkpoint of what was handled. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
    await this.checkpoints.save().catch((error: unknown) => {
      this.logger.warn(
        `checkpoint not saved at stop (replayed after the restart): ${String(error)}`,
      );
    });
  }

  /** The process manager's name and the last position it has gone past (-1n before any). */
  progress(): { name: string; position: bigint } {
    return { name: this.definition.name, position: this.reached };
  }

  private async run(): Promise<void> {
    const after = await loadCheckpoint(this.store, this.definition.name);
    this.advance(after ?? -1n);
    for await (const recorded of this.store.subscribeToAll({ after, signal: this.abort.signal })) {
      if (this.isRelevant(recorded)) {
        const acted = await this.handle(recorded);
        if (this.abort.signal.aborted) return;
        await this.checkpoints.handledUpTo(recorded.position, acted);
      }
      this.advance(recorded.position);
    }
  }

  private advance(position: bigint): void {
    this.reached = position;
    const due = this.waiters.filter((waiter) => waiter.target <= position);
    this.waiters = this.waiters.filter((waiter) => waiter.target > position);
    due.forEach((waiter) => waiter.resolve());
  }

  private end(reason: Error): void {
    this.ended ??= reason;
    const waiting = this.waiters;
    this.waiters = [];
    waiting.forEach((waiter) => waiter.reject(this.ended ?? reason));
  }

  private isRelevant(recorded: RecordedEvent): boolean {
    return (
      parseStreamName(recorded.streamName) !== undefined &&
      this.definition.handles(parseEventTypeName(recorded.type).name)
    );
  }

  /** Handles one event; true when it sent commands or parked the event. */
  private async handle(recorded: RecordedEvent): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        const event = this.serializer.deserialize(recorded);
        const requests = await lastValueFrom(this.definition.saga(of(event)).pipe(toArray()));
        for (const { kind, recordId, intent, context } of requests) {
          await this.commandBus.execute(new ExecuteDomainCommand(kind, recordId, intent, context));
        }
        return requests.length > 0;
      } catch (error) {
        // Stopping cut the event short: it is handled again after the restart, not parked.
        if (this.abort.signal.aborted) return false;
        const refused = error instanceof DomainError || error instanceof ReferenceNotFoundError;
        if (refused || attempt > TRANSIENT_RETRIES) {
          this.logger.warn(`parked event ${recorded.id} at ${recorded.position}: ${String(error)}`);
          await parkEvent(this.store, this.definition.name, recorded, error);
          return true;
        }
        await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      }
    }
  }
}
