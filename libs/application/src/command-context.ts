import { PrincipalRecord } from '@crm/event-store';

/** Who sends a command, in which tenant, and why: becomes the metadata of every event it writes. */
export type CommandContext = {
  tenantId: string;
  /** The principal's subject. */
  actorId: string;
  /** The authenticated principal (or the process acting), recorded on every event. */
  principal: PrincipalRecord;
  commandId: string;
  correlationId: string;
  causationId: string;
  /** The client's key: a repeat with the same key returns the first result and writes nothing. */
  idempotencyKey?: string;
  /** Fingerprint of the request, so a key reused for a different request is refused. */
  requestHash?: string;
  /** From `If-Match`: apply only if the record is at exactly this revision. */
  expectedRevision?: bigint;
  /**
   * The caller whose roles' row rules must allow the command on the record's state (checked on
   * the state it is decided on). Absent for processes and the CLI, which act on their own.
   */
  caller?: Caller;
};

/** Whose roles a command is checked against. */
export type Caller = { subject: string; roles: readonly string[] };

export type CommandResult = {
  recordId: string;
  /** Revision of the record's stream after the command (-1 for a record with no events). */
  revision: bigint;
  /** Global position of the last event written (or found, for a repeat). */
  position: bigint;
  /** Number of events this call appended: 0 for a no-op or an idempotent repeat. */
  appended: number;
  /**
   * Process managers the command set going that had not handled its events when it was answered
   * (the position then covers only the command's own events).
   */
  pendingProcesses?: string[];
};

/** The principal a process of this name acts as, on behalf of whoever caused it. */
export const processPrincipal = (name: string, onBehalfOf?: PrincipalRecord): PrincipalRecord => ({
  kind: 'process',
  subject: `process:${name}`,
  ...(onBehalfOf && { onBehalfOf }),
});
