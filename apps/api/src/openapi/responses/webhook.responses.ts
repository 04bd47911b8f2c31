import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import {
  arrayOf,
  dateTime,
  int,
  nullable,
  object,
  oneOfValues,
  position,
  ref,
  str,
} from './schema-builders';

/** The answers of the webhook routes: registrations, the delivery log and redelivery. */

const webhookId = (): SchemaObject => ({ type: 'string', pattern: '^wh_[0-9a-f]{32}$' });
const deliveryId = (): SchemaObject => ({ type: 'string', pattern: '^dlv_[0-9a-f]{32}$' });

export const WEBHOOK_VIEW: SchemaObject = object(
  {
    id: webhookId(),
    url: str(),
    eventTypes: arrayOf(str('an event type without version (ContactCreated), or *')),
    description: nullable(str()),
    createdAt: dateTime(),
    deletedAt: nullable(dateTime()),
  },
  ['id', 'url', 'eventTypes', 'description', 'createdAt', 'deletedAt'],
  'a webhook; never its secret',
);

export const CREATED_WEBHOOK: SchemaObject = {
  allOf: [
    ref('WebhookView'),
    object({ secret: str('the signing secret: shown only in this answer') }, ['secret']),
  ],
};

export const WEBHOOK_LIST: SchemaObject = object({ webhooks: arrayOf(ref('WebhookView')) }, [
  'webhooks',
]);

const DELIVERY_STATUSES = ['pending', 'succeeded', 'dead-lettered'];

export const WEBHOOK_DELIVERY_ATTEMPT: SchemaObject = object(
  {
    attempt: int('1-based within its round; a redelivery starts a round at 1 again'),
    at: dateTime(),
    outcome: oneOfValues(['failed', 'succeeded']),
    statusCode: nullable(int('the status the target answered; null when it did not answer')),
    error: nullable(str()),
    durationMs: int(),
  },
  ['attempt', 'at', 'outcome', 'statusCode', 'error', 'durationMs'],
);

export const WEBHOOK_DELIVERY: SchemaObject = object(
  {
    deliveryId: deliveryId(),
    eventId: str(),
    eventType: str('the stored type, with its version: ContactCreated.v1'),
    streamName: str(),
    revision: position(),
    position: position(),
    status: oneOfValues(DELIVERY_STATUSES),
    attempts: arrayOf(ref('WebhookDeliveryAttempt')),
    nextAttemptAt: nullable(dateTime()),
    deliveredAt: nullable(dateTime()),
    deadLetteredAt: nullable(dateTime()),
    redeliveries: int(),
  },
  [
    'deliveryId',
    'eventId',
    'eventType',
    'streamName',
    'revision',
    'position',
    'status',
    'attempts',
    'nextAttemptAt',
    'deliveredAt',
    'deadLetteredAt',
    'redeliveries',
  ],
);

export const WEBHOOK_DELIVERY_LOG: SchemaObject = object(
  {
    deliveries: arrayOf(ref('WebhookDelivery')),
    next: nullable({
      ...position(),
      description: 'pass as `after` for the next page; null on the last',
    }),
  },
  ['deliveries', 'next'],
);

export const WEBHOOK_REDELIVERY: SchemaObject = object(
  {
    deliveryId: deliveryId(),
    status: oneOfValues(['pending']),
    position: position(),
  },
  ['deliveryId', 'status', 'position'],
  'the redelivery request as recorded in the delivery log; the dispatcher sends it',
);
