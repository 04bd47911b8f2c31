/**
 * Webhook registrations live in the log, one stream per tenant (`crm.webhooks.<tenant>`:
 * audited, hash-chained, the principal recorded), found through one bookkeeping stream naming
 * the tenants that have any. Each webhook's deliveries are recorded in a bookkeeping stream of
 * its own. None of these names parses as a record's stream; the bookkeeping ones are process
 * streams (`crmprocess-`), which the audit's chain check leaves out as it does checkpoints.
 */
export const WEBHOOK_TENANTS_STREAM = 'crmprocess-webhook-tenants';
export const webhookStream = (tenantId: string): string => `crm.webhooks.${tenantId}`;
export const deliveryStream = (webhookId: string): string => `crmprocess-webhook.${webhookId}`;

export const WEBHOOK_TENANT_ADDED = 'WebhookTenantAdded.v1';

export type WebhookRegisteredData = {
  webhookId: string;
  tenantId: string;
  url: string;
  /** Event type names without version (`ContactCreated`), or `*` for every event. */
  eventTypes: string[];
  description: string | null;
  /** The signing secret, sealed (AES-256-GCM); never stored or shown in the clear. */
  sealedSecret: string;
  /** Log position when registered: only later events are delivered. */
  fromPosition: string;
  createdAt: string;
};

export type WebhookDeletedData = { webhookId: string; deletedAt: string };

/** The registration stream's events; a switch over `type` must handle each. */
export type WebhookRegistrationEvent =
  | { type: 'WebhookRegistered.v1'; data: WebhookRegisteredData }
  | { type: 'WebhookDeleted.v1'; data: WebhookDeletedData };

/** The event a delivery carries, where it is in the log. */
export type DeliverySubject = {
  deliveryId: string;
  eventId: string;
  eventType: string;
  streamName: string;
  revision: string;
  position: string;
};

/**
 * Common to the outcome records: which delivery, and the log position that started this round
 * of attempts (the delivered event itself, or a redelivery request).
 */
type Outcome = { delivery: DeliverySubject; trigger: string; attempt: number; at: string };

export type DeliveryAttemptFailedData = Outcome & {
  statusCode: number | null;
  error: string;
  durationMs: number;
  nextAttemptAt: string;
};
export type DeliverySucceededData = Outcome & { statusCode: number; durationMs: number };
export type DeliveryDeadLetteredData = Outcome & { error: string };
export type RedeliveryRequestedData = { delivery: DeliverySubject; requestedAt: string };

/** The delivery log's events; a switch over `type` must handle each. */
export type DeliveryLogEvent =
  | { type: 'WebhookDeliveryAttemptFailed.v1'; data: DeliveryAttemptFailedData }
  | { type: 'WebhookDeliverySucceeded.v1'; data: DeliverySucceededData }
  | { type: 'WebhookDeliveryDeadLettered.v1'; data: DeliveryDeadLetteredData }
  | { type: 'WebhookRedeliveryRequested.v1'; data: RedeliveryRequestedData };

export type DeliveryLogEventType = DeliveryLogEvent['type'];

const DELIVERY_LOG_TYPES: Record<DeliveryLogEventType, true> = {
  'WebhookDeliveryAttemptFailed.v1': true,
  'WebhookDeliverySucceeded.v1': true,
  'WebhookDeliveryDeadLettered.v1': true,
  'WebhookRedeliveryRequested.v1': true,
};

export const isDeliveryLogType = (type: string): type is DeliveryLogEventType =>
  Object.prototype.hasOwnProperty.call(DELIVERY_LOG_TYPES, type);

const REGISTRATION_TYPES: Record<WebhookRegistrationEvent['type'], true> = {
  'WebhookRegistered.v1': true,
  'WebhookDeleted.v1': true,
};

export const isRegistrationType = (type: string): type is WebhookRegistrationEvent['type'] =>
  Object.prototype.hasOwnProperty.call(REGISTRATION_TYPES, type);
