import { isAggregateKind } from '@crm/domain';
import {
  EventSerializer,
  EventStore,
  parseEventTypeName,
  RecordedEvent,
  StoredEvent,
} from '@crm/event-store';
import { deterministicId } from '../deterministic-id';
import { parseStreamName } from '../stream-name';
import { SecretBox } from './secret-sealing';
import { backoffDelay, DispatchSettings, sleep } from './webhook-backoff';
import { DeliveryLog, readDeliveryLog, roundEnded } from './webhook-delivery-log';
import { DeliveryLogEvent, deliveryStream, DeliverySubject } from './webhook-events';
import { recordOutcomes } from './webhook-outcome-recorder';
import { deliveryBody, deliveryHeaders } from './webhook-payload';
import { ActiveWebhook } from './webhook-registry';
import { WebhookSender } from './webhook-sender';

/** Stable for the event and the webhook: a receiver dedupes on it, whatever the attempt. */
export const deliveryIdOf = (webhookId: string, eventId: string): string =>
  `dlv_${deterministicId('webhook-delivery', webhookId, eventId).replace(/-/g, '')}`;

export type DispatcherDeps = {
  store: EventStore;
  serializer: EventSerializer;
  sender: WebhookSender;
  secrets: () => SecretBox;
  settings: DispatchSettings;
  /** False once the webhook is deleted before this position: the dispatcher then stops. */
  deliversAt?: (webhookId: string, position: bigint) => boolean;
  clock?: () => Date;
  /** Told of every recorded outcome (metrics): an attempt's time where a target was asked. */
  observe?: (outcome: DeliveryOutcome, durationMs?: number) => void;
};

export type DeliveryOutcome = 'delivered' | 'failed' | 'dead_lettered';

/**
 * One round of attempts to do: the delivery, the event it carries (or why it cannot be read),
 * the position that started it.
 */
type Round = { delivery: DeliverySubject; trigger: bigint } & (
  { event: StoredEvent; unreadable?: undefined } | { event?: undefined; unreadable: string }
);

const subjectOf = (deliveryId: string, recorded: RecordedEvent): DeliverySubject => ({
  deliveryId,
  eventId: recorded.id,
  eventType: recorded.type,
  streamName: recorded.streamName,
  revision: recorded.revision.toString(),
  position: recorded.position.toString(),
});

/**
 * Delivers one webhook's events from the log, one at a time in log order (so in order per
 * record), from its checkpoint: the last position whose round of attempts ended, which is in
 * the same record as that outcome, so a crash neither loses nor duplicates a recorded delivery.
 * Targets may see an attempt twice (a crash between their answer and the record): the delivery
 * id they receive stays the same. Redelivery requests arrive through the log as well.
 */
export class WebhookDispatcher {
  private readonly abort = new AbortController();
  private loop?: Promise<void>;
  private log?: DeliveryLog;

  constructor(
    readonly webhook: ActiveWebhook,
    private readonly deps: DispatcherDeps,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.loop ??= this.run().catch((error: unknown) => {
      if (!this.abort.signal.aborted) this.onError(error);
    });
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
  }

  private get now(): Date {
    return this.deps.clock?.() ?? new Date();
  }

  private async run(): Promise<void> {
    const log = await readDeliveryLog(this.deps.store, this.webhook.id);
    this.log = log;
    const after =
      log.handledUpTo > this.webhook.fromPosition ? log.handledUpTo : this.webhook.fromPosition;
    const { signal } = this.abort;
    for await (const recorded of this.deps.store.subscribeToAll({ after, signal })) {
      const round = await this.roundFor(recorded);
      if (round && this.deps.deliversAt?.(this.webhook.id, round.trigger) === false) return;
      if (round) await this.deliver(log, round);
      if (signal.aborted) return;
    }
  }

  private async roundFor(recorded: RecordedEvent): Promise<Round | undefined> {
    if (recorded.streamName === deliveryStream(this.webhook.id)) {
      if (recorded.type !== 'WebhookRedeliveryRequested.v1') return undefined;
      const delivery = (recorded.data as unknown as { delivery: DeliverySubject }).delivery;
      const [original] = await this.deps.store.readStream(delivery.streamName, {
        fromRevision: BigInt(delivery.revision),
        maxCount: 1,
      });
      if (!original) return undefined;
      return {
        delivery,
        event: this.deps.serializer.deserialize(original),
        trigger: recorded.position,
      };
    }
    const parsed = parseStreamName(recorded.streamName);
    if (!parsed || !isAggregateKind(parsed.kind) || parsed.tenantId !== this.webhook.tenantId) {
      return undefined;
    }
    const types = this.webhook.eventTypes;
    if (!types.includes('*') && !types.includes(parseEventTypeName(recorded.type).name)) {
      return undefined;
    }
    const delivery = subjectOf(deliveryIdOf(this.webhook.id, recorded.id), recorded);
    return { delivery, trigger: recorded.position, ...this.decode(recorded) };
  }

  /** An event the serializer cannot read is dead-lettered with the reason, not retried. */
  private decode(
    recorded: RecordedEvent,
  ): { event: StoredEvent; unreadable?: undefined } | { event?: undefined; unreadable: string } {
    try {
      return { event: this.deps.serializer.deserialize(recorded) };
    } catch (error) {
      return { unreadable: `the event cannot be read: ${(error as Error).message}` };
    }
  }

  private async deliver(log: DeliveryLog, round: Round): Promise<void> {
    const { delivery, trigger } = round;
    const { signal } = this.abort;
    const { settings } = this.deps;
    if (roundEnded(log, delivery.deliveryId, trigger)) return;
    if (round.event === undefined) {
      const at = this.now.toISOString();
      await recordOutcomes(this.deps.store, this.webhook, log, this.now, [
        {
          type: 'WebhookDeliveryDeadLettered.v1',
          data: { delivery, trigger: trigger.toString(), attempt: 0, at, error: round.unreadable },
        },
      ]);
      this.deps.observe?.('dead_lettered');
      return;
    }
    const { event } = round;
    const known = log.deliveries.get(delivery.deliveryId);
    const resumed = known !== undefined && known.trigger === trigger.toString();
    let attempt = resumed ? known.roundAttempts : 0;
    if (resumed && known.nextAttemptAt !== null) {
      await sleep(Date.parse(known.nextAttemptAt) - this.now.getTime(), signal);
    }
    const secret = this.deps.secrets().open(this.webhook.sealedSecret, this.webhook.id);
    const body = deliveryBody(this.webhook.id, delivery.deliveryId, event);
    while (!signal.aborted) {
      attempt += 1;
      const headers = deliveryHeaders({
        webhookId: this.webhook.id,
        deliveryId: delivery.deliveryId,
        eventType: event.type,
        attempt,
        secret,
        body,
        now: this.now,
      });
      const answer = await this.deps.sender({ url: this.webhook.url, headers, body }, signal);
      // Stopped mid-request: not recorded; the next start sends it again under the same id.
      if (signal.aborted && !answer.ok) return;
      const at = this.now.toISOString();
      const outcome = { delivery, trigger: trigger.toString(), attempt, at };
      if (answer.ok) {
        await recordOutcomes(this.deps.store, this.webhook, log, this.now, [
          {
            type: 'WebhookDeliverySucceeded.v1',
            data: {
              ...outcome,
              statusCode: answer.statusCode ?? 200,
              durationMs: answer.durationMs,
            },
          },
        ]);
        this.deps.observe?.('delivered', answer.durationMs);
        return;
      }
      const error = answer.error ?? `the target answered ${answer.statusCode}`;
      const wait = backoffDelay(attempt, settings);
      const failed: DeliveryLogEvent = {
        type: 'WebhookDeliveryAttemptFailed.v1',
        data: {
          ...outcome,
          statusCode: answer.statusCode,
          error,
          durationMs: answer.durationMs,
          nextAttemptAt: new Date(this.now.getTime() + wait).toISOString(),
        },
      };
      if (attempt >= settings.maxAttempts) {
        failed.data.nextAttemptAt = at;
        await recordOutcomes(this.deps.store, this.webhook, log, this.now, [
          failed,
          { type: 'WebhookDeliveryDeadLettered.v1', data: { ...outcome, error } },
        ]);
        this.deps.observe?.('failed', answer.durationMs);
        this.deps.observe?.('dead_lettered');
        return;
      }
      if (!(await recordOutcomes(this.deps.store, this.webhook, log, this.now, [failed]))) return;
      this.deps.observe?.('failed', answer.durationMs);
      await sleep(wait, signal);
    }
  }
}
