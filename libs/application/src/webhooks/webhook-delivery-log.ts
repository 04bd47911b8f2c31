import { EventStore } from '@crm/event-store';
import {
  DeliveryLogEvent,
  deliveryStream,
  DeliverySubject,
  isDeliveryLogType,
} from './webhook-events';

export type DeliveryStatus = 'pending' | 'succeeded' | 'dead-lettered';

export type AttemptView = {
  attempt: number;
  at: string;
  outcome: 'failed' | 'succeeded';
  statusCode: number | null;
  error: string | null;
  durationMs: number;
};

/** One delivery as the log records it: every attempt of every round, and where it stands. */
export type DeliveryRecord = DeliverySubject & {
  status: DeliveryStatus;
  /** Position that started the current round (the event, or the last redelivery request). */
  trigger: string;
  attempts: AttemptView[];
  /** Attempts of the current round so far. */
  roundAttempts: number;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  deadLetteredAt: string | null;
  redeliveries: number;
};

/** A webhook's delivery log folded: the deliveries in order, and how far it has handled the log. */
export type DeliveryLog = {
  deliveries: Map<string, DeliveryRecord>;
  /** Highest log position whose round ended (succeeded or dead-lettered); -1n before any. */
  handledUpTo: bigint;
  /** Revision of the stream's last event; -1n for an absent stream. */
  revision: bigint;
};

export const emptyDeliveryLog = (): DeliveryLog => ({
  deliveries: new Map(),
  handledUpTo: -1n,
  revision: -1n,
});

const recordOf = (log: DeliveryLog, delivery: DeliverySubject, trigger: string): DeliveryRecord => {
  const known = log.deliveries.get(delivery.deliveryId);
  if (known) return known;
  const created: DeliveryRecord = {
    ...delivery,
    status: 'pending',
    trigger,
    attempts: [],
    roundAttempts: 0,
    nextAttemptAt: null,
    deliveredAt: null,
    deadLetteredAt: null,
    redeliveries: 0,
  };
  log.deliveries.set(delivery.deliveryId, created);
  return created;
};

const ended = (log: DeliveryLog, trigger: string): void => {
  if (BigInt(trigger) > log.handledUpTo) log.handledUpTo = BigInt(trigger);
};

/** Folds one event of the delivery log into it (in place: a log can be long). */
export const applyDeliveryEvent = (log: DeliveryLog, event: DeliveryLogEvent): void => {
  switch (event.type) {
    case 'WebhookDeliveryAttemptFailed.v1': {
      const { delivery, trigger, attempt, at, statusCode, error, durationMs } = event.data;
      const record = recordOf(log, delivery, trigger);
      record.attempts.push({ attempt, at, outcome: 'failed', statusCode, error, durationMs });
      record.trigger = trigger;
      record.roundAttempts = attempt;
      record.nextAttemptAt = event.data.nextAttemptAt;
      return;
    }
    case 'WebhookDeliverySucceeded.v1': {
      const { delivery, trigger, attempt, at, statusCode, durationMs } = event.data;
      const record = recordOf(log, delivery, trigger);
      record.attempts.push({
        attempt,
        at,
        outcome: 'succeeded',
        statusCode,
        error: null,
        durationMs,
      });
      Object.assign(record, { status: 'succeeded', trigger, roundAttempts: attempt });
      Object.assign(record, { nextAttemptAt: null, deliveredAt: at });
      ended(log, trigger);
      return;
    }
    case 'WebhookDeliveryDeadLettered.v1': {
      const { delivery, trigger, attempt, at } = event.data;
      const record = recordOf(log, delivery, trigger);
      Object.assign(record, { status: 'dead-lettered', trigger, roundAttempts: attempt });
      Object.assign(record, { nextAttemptAt: null, deadLetteredAt: at });
      ended(log, trigger);
      return;
    }
    case 'WebhookRedeliveryRequested.v1': {
      const record = recordOf(log, event.data.delivery, '-1');
      Object.assign(record, { status: 'pending', roundAttempts: 0, nextAttemptAt: null });
      record.redeliveries += 1;
      return;
    }
    default: {
      const unhandled: never = event;
      throw new Error(`unknown delivery log event ${JSON.stringify(unhandled)}`);
    }
  }
};

/** Reads a webhook's delivery log from where `log` stopped (from the start by default). */
export const readDeliveryLog = async (
  store: EventStore,
  webhookId: string,
  log: DeliveryLog = emptyDeliveryLog(),
): Promise<DeliveryLog> => {
  for (;;) {
    const page = await store.readStream(deliveryStream(webhookId), {
      fromRevision: log.revision + 1n,
      maxCount: 1000,
    });
    for (const recorded of page) {
      log.revision = recorded.revision;
      if (isDeliveryLogType(recorded.type)) {
        applyDeliveryEvent(log, { type: recorded.type, data: recorded.data } as DeliveryLogEvent);
      }
    }
    if (page.length < 1000) return log;
  }
};

/** Whether the round this position started has ended (so it must not be attempted again). */
export const roundEnded = (log: DeliveryLog, deliveryId: string, trigger: bigint): boolean => {
  const record = log.deliveries.get(deliveryId);
  return record !== undefined && record.status !== 'pending' && BigInt(record.trigger) >= trigger;
};
