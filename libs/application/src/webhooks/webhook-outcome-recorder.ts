import { EventStore, JsonObject, WrongExpectedRevisionError } from '@crm/event-store';
import { deterministicId } from '../deterministic-id';
import {
  applyDeliveryEvent,
  DeliveryLog,
  readDeliveryLog,
  roundEnded,
} from './webhook-delivery-log';
import { DeliveryLogEvent, deliveryStream, DeliverySubject } from './webhook-events';

/**
 * Appends a round's outcome records to the webhook's delivery stream at the revision `log` was
 * read at, and folds them into it; ids derived from the round and attempt make a repeat a no-op.
 * On a conflict (a redelivery request, another dispatcher) it reads on and tries again, unless
 * the round has ended meanwhile: then it answers false and writes nothing.
 */
export const recordOutcomes = async (
  store: EventStore,
  webhook: { id: string; tenantId: string },
  log: DeliveryLog,
  now: Date,
  events: DeliveryLogEvent[],
): Promise<boolean> => {
  const { delivery, trigger, attempt } = events[0].data as {
    delivery: DeliverySubject;
    trigger: string;
    attempt: number;
  };
  for (;;) {
    try {
      const result = await store.appendToStream(
        deliveryStream(webhook.id),
        events.map((event) => ({
          id: deterministicId(delivery.deliveryId, trigger, String(attempt), event.type),
          type: event.type,
          data: event.data as unknown as JsonObject,
          metadata: {
            tenantId: webhook.tenantId,
            webhookId: webhook.id,
            $causationId: delivery.eventId,
            recordedAt: now.toISOString(),
          },
        })),
        { expectedRevision: log.revision < 0n ? 'no_stream' : log.revision },
      );
      events.forEach((event) => applyDeliveryEvent(log, event));
      log.revision = result.nextRevision;
      return true;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      await readDeliveryLog(store, webhook.id, log);
      if (roundEnded(log, delivery.deliveryId, BigInt(trigger))) return false;
    }
  }
};
