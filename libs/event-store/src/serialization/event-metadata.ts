/**
 * Metadata on every stored event: the audit trail's who, when and why.
 * `$correlationId` / `$causationId` use EventStoreDB's own keys so its system projections work.
 */
export type EventMetadata = {
  tenantId: string;
  actorId: string;
  commandId: string;
  commandType: string;
  $correlationId: string;
  $causationId: string;
  recordedAt: string;
  idempotencyKey?: string;
  requestHash?: string;
  /** W3C trace context of the command that wrote the event, when tracing was on. */
  traceparent?: string;
};
