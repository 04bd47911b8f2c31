import { Command, Decider, DomainError, DomainEvent } from '@crm/domain';
import {
  chainEvents,
  EventMetadata,
  EventSerializer,
  EventStore,
  PartialDuplicateAppendError,
  StoredEvent,
  WrongExpectedRevisionError,
  lastLinkOf,
} from '@crm/event-store';
import { randomUUID } from 'node:crypto';
import { CommandContext, CommandResult } from './command-context';
import {
  ConcurrencyConflictError,
  IdempotencyConflictError,
  PreconditionFailedError,
} from './command-errors';
import { deterministicId } from './deterministic-id';
import { KeyedSerializer } from './keyed-serializer';
import { CommandOutcome } from './metrics/crm-metrics';
import { activeTraceparent, inSpan } from './tracing/tracer';
import { streamNameFor } from './stream-name';
import type { StateCheck } from './access/row-rules';

export type CommandWithoutMetadata<C extends Command> = C extends Command
  ? Omit<C, 'metadata'>
  : never;

export type LoadedRecord<S> = {
  state: S;
  /** Revision of the last event, -1n when the record has no events. */
  revision: bigint;
  events: StoredEvent[];
  /** The stream's last link in its hash chain, which the next event chains to. */
  lastHash: string;
};

export type CommandExecutorOptions = {
  /** How many times a concurrency conflict is retried by reloading and deciding again. */
  maxAttempts?: number;
  clock?: () => Date;
  /** Told how each command ended and how long it took (metrics, traces). */
  observe?: (observed: { type: string; outcome: CommandOutcome; seconds: number }) => void;
};

const outcomeOf = (error: unknown): CommandOutcome =>
  error instanceof DomainError
    ? 'rejected'
    : error instanceof PreconditionFailedError ||
        error instanceof ConcurrencyConflictError ||
        error instanceof IdempotencyConflictError
      ? 'conflict'
      : 'error';

/**
 * The one command path: load the stream, evolve, decide, append with the expected revision;
 * on a conflict reload and decide again, a bounded number of times.
 */
export class CommandExecutor {
  private readonly maxAttempts: number;
  private readonly clock: () => Date;
  private readonly observe: CommandExecutorOptions['observe'];
  private readonly perStream = new KeyedSerializer();

  constructor(
    private readonly store: EventStore,
    private readonly serializer: EventSerializer,
    options: CommandExecutorOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 10;
    this.clock = options.clock ?? (() => new Date());
    this.observe = options.observe;
  }

  async load<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamName: string,
  ): Promise<LoadedRecord<S>> {
    const recorded = await this.store.readStream(streamName);
    const events = recorded.map((r) => this.serializer.deserialize<E>(r));
    const state = events.reduce<S>((s, e) => decider.evolve(s, e), decider.initialState());
    const revision = recorded.length ? recorded[recorded.length - 1].revision : -1n;
    return { state, revision, events, lastHash: lastLinkOf(recorded) };
  }

  execute<C extends Command, E extends DomainEvent, S>(
    kind: string,
    decider: Decider<C, E, S>,
    recordId: string,
    command: CommandWithoutMetadata<C>,
    context: CommandContext,
    check?: StateCheck,
  ): Promise<CommandResult> {
    const streamName = streamNameFor(kind, context.tenantId, recordId);
    const attributes = {
      'crm.command.type': command.type,
      'crm.tenant_id': context.tenantId,
      'crm.correlation_id': context.correlationId,
      'crm.command_id': context.commandId,
    };
    return inSpan(`command ${command.type}`, attributes, () => {
      const running = this.perStream.run(streamName, () =>
        this.executeWithRetries(decider, streamName, recordId, command, context, check),
      );
      return this.observe ? this.observed(command.type, running) : running;
    });
  }

  private async observed(type: string, running: Promise<CommandResult>): Promise<CommandResult> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const result = await running;
      this.observe?.({
        type,
        outcome: result.appended > 0 ? 'ok' : 'unchanged',
        seconds: seconds(),
      });
      return result;
    } catch (error) {
      this.observe?.({ type, outcome: outcomeOf(error), seconds: seconds() });
      throw error;
    }
  }

  private async executeWithRetries<C extends Command, E extends DomainEvent, S>(
    decider: Decider<C, E, S>,
    streamName: string,
    recordId: string,
    command: CommandWithoutMetadata<C>,
    context: CommandContext,
    check: StateCheck | undefined,
  ): Promise<CommandResult> {
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const record = await this.load(decider, streamName);
      const repeat = this.findEarlierResult(record, recordId, context);
      if (repeat) return repeat;
      // On the state this attempt decides on, so a record changed since cannot slip through.
      check?.(record.state);
      if (context.expectedRevision !== undefined && context.expectedRevision !== record.revision) {
        throw new PreconditionFailedError(context.expectedRevision, record.revision);
      }

      const now = this.nowAfter(record.events[record.events.length - 1]);
      const events = decider.decide({ ...command, metadata: { now } } as C, record.state);
      if (events.length === 0) {
        const last = record.events[record.events.length - 1];
        return {
          recordId,
          revision: record.revision,
          position: last?.position ?? -1n,
          appended: 0,
        };
      }

      const metadata = this.metadataFor(command.type, context, now);
      const toAppend = chainEvents(
        record.lastHash,
        events.map((event, index) =>
          this.serializer.serialize(event, this.eventIdFor(context, index), metadata),
        ),
      );
      try {
        const result = await this.store.appendToStream(streamName, toAppend, {
          expectedRevision: record.revision < 0n ? 'no_stream' : record.revision,
        });
        return {
          recordId,
          revision: result.nextRevision,
          position: result.position,
          appended: events.length,
        };
      } catch (error) {
        if (error instanceof PartialDuplicateAppendError && context.idempotencyKey) {
          throw new IdempotencyConflictError(context.idempotencyKey);
        }
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (context.expectedRevision !== undefined) {
          throw new PreconditionFailedError(context.expectedRevision, this.revisionOf(error));
        }
        await jitter(attempt);
      }
    }
    throw new ConcurrencyConflictError(streamName, this.maxAttempts);
  }

  /**
   * Server time for the next events of a stream, never earlier than its last event's: a clock
   * stepped back (NTP, another node) would otherwise record a deal won before it was opened.
   */
  private nowAfter(last: { metadata: EventMetadata } | undefined): Date {
    const now = this.clock();
    const floor = last ? Date.parse(last.metadata.recordedAt) : Number.NaN;
    return floor > now.getTime() ? new Date(floor) : now;
  }

  /** An idempotent repeat: the events the same key wrote before are the answer. */
  private findEarlierResult<S>(
    record: LoadedRecord<S>,
    recordId: string,
    context: CommandContext,
  ): CommandResult | undefined {
    if (!context.idempotencyKey) return undefined;
    const earlier = record.events.filter(
      (e) => e.metadata.idempotencyKey === context.idempotencyKey,
    );
    if (earlier.length === 0) return undefined;
    const last = earlier[earlier.length - 1];
    if (last.metadata.requestHash !== context.requestHash) {
      throw new IdempotencyConflictError(context.idempotencyKey);
    }
    return { recordId, revision: last.revision, position: last.position, appended: 0 };
  }

  private eventIdFor(context: CommandContext, index: number): string {
    return context.idempotencyKey
      ? deterministicId(context.tenantId, context.idempotencyKey, String(index))
      : randomUUID();
  }

  private metadataFor(commandType: string, context: CommandContext, now: Date): EventMetadata {
    const traceparent = activeTraceparent();
    return {
      tenantId: context.tenantId,
      actorId: context.actorId,
      principal: context.principal,
      commandId: context.commandId,
      commandType,
      $correlationId: context.correlationId,
      $causationId: context.causationId,
      recordedAt: now.toISOString(),
      ...(context.idempotencyKey && {
        idempotencyKey: context.idempotencyKey,
        requestHash: context.requestHash,
      }),
      ...(traceparent && { traceparent }),
    };
  }

  private revisionOf(error: WrongExpectedRevisionError): bigint {
    return error.actual === 'no_stream' ? -1n : error.actual;
  }
}

/** Spreads retries from several processes apart so they stop colliding. */
const jitter = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
