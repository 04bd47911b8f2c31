import { StoredEvent } from '@crm/event-store';
import { parseStreamName } from '../stream-name';
import { signatureHeader } from './webhook-signature';

/** The body a target receives: the delivery, and the event as the log holds it (upcast). */
export const deliveryBody = (webhookId: string, deliveryId: string, event: StoredEvent): string => {
  const parsed = parseStreamName(event.streamName);
  return JSON.stringify({
    deliveryId,
    webhookId,
    event: {
      id: event.id,
      type: event.type,
      storedType: event.storedType,
      kind: parsed?.kind ?? null,
      recordId: parsed?.recordId ?? null,
      revision: event.revision.toString(),
      position: event.position.toString(),
      recordedAt: event.metadata.recordedAt ?? null,
      actorId: event.metadata.actorId ?? null,
      correlationId: event.metadata.$correlationId ?? null,
      causationId: event.metadata.$causationId ?? null,
      data: event.data ?? {},
    },
  });
};

/** Headers of one attempt: signed at the moment it is sent. */
export const deliveryHeaders = (options: {
  webhookId: string;
  deliveryId: string;
  eventType: string;
  attempt: number;
  secret: string;
  body: string;
  now: Date;
}): Record<string, string> => {
  const timestamp = Math.floor(options.now.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'crm-webhooks/1',
    'x-crm-webhook-id': options.webhookId,
    'x-crm-delivery-id': options.deliveryId,
    'x-crm-event-type': options.eventType,
    'x-crm-attempt': String(options.attempt),
    'x-crm-timestamp': String(timestamp),
    'x-crm-signature': signatureHeader(options.secret, timestamp, options.body),
  };
};
