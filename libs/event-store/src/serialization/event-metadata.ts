/** Who an event's command ran as, as the audit trail records it: never a header, a credential. */
export type PrincipalRecord = {
  kind: 'user' | 'api-key' | 'process' | 'rule';
  subject: string;
  /** The API key's id, for kind 'api-key'. */
  keyId?: string;
  /** The token's issuer, for kind 'user'. */
  issuer?: string;
  /** For a process: the principal of the event that caused it to act. */
  onBehalfOf?: PrincipalRecord;
};

/**
 * Metadata on every stored event: the audit trail's who, when and why.
 * `$correlationId` / `$causationId` use EventStoreDB's own keys so its system projections work.
 */
export type EventMetadata = {
  tenantId: string;
  /** The principal's subject: what projections show as who did it. */
  actorId: string;
  /** Absent on events written before authentication existed. */
  principal?: PrincipalRecord;
  commandId: string;
  commandType: string;
  $correlationId: string;
  $causationId: string;
  recordedAt: string;
  idempotencyKey?: string;
  requestHash?: string;
  /** The event's link in its stream's hash chain; absent on events from before the chain. */
  hash?: string;
  /** W3C trace context of the command that wrote the event, when tracing was on. */
  traceparent?: string;
};
