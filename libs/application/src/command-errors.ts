/** Failures of the command path that are not domain rules; the HTTP layer maps each to a status. */
export class PreconditionFailedError extends Error {
  readonly code = 'PRECONDITION_FAILED';
  constructor(
    readonly expectedRevision: bigint,
    readonly actualRevision: bigint,
  ) {
    super(`record is at revision ${actualRevision}, not ${expectedRevision}`);
    this.name = 'PreconditionFailedError';
  }
}

export class ConcurrencyConflictError extends Error {
  readonly code = 'CONCURRENCY_CONFLICT';
  constructor(
    readonly streamName: string,
    readonly attempts: number,
  ) {
    super(`record changed concurrently ${attempts} times in a row; try again`);
    this.name = 'ConcurrencyConflictError';
  }
}

export class IdempotencyConflictError extends Error {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor(readonly idempotencyKey: string) {
    super(`idempotency key ${idempotencyKey} was already used for a different request`);
    this.name = 'IdempotencyConflictError';
  }
}

/** A command names another record (an account, a pipeline...) that the tenant does not have. */
export class ReferenceNotFoundError extends Error {
  readonly code = 'REFERENCE_NOT_FOUND';
  constructor(
    readonly field: string,
    readonly kind: string,
    readonly recordId: string,
  ) {
    super(`${field}: ${kind} ${recordId} does not exist`);
    this.name = 'ReferenceNotFoundError';
  }
}

/** The record exists, but the caller's row rules do not let them read it: answered as absent. */
export class RecordNotVisibleError extends Error {
  readonly code: string;
  constructor(
    readonly kind: string,
    readonly recordId: string,
  ) {
    super(`${kind} ${recordId} does not exist`);
    this.name = 'RecordNotVisibleError';
    this.code = `${kind.toUpperCase()}_NOT_FOUND`;
  }
}

/** The caller may read the record, but their row rules do not grant the command's permission on it. */
export class PermissionDeniedError extends Error {
  readonly code = 'FORBIDDEN';
  constructor(readonly permission: string) {
    super(`this needs the ${permission} permission`);
    this.name = 'PermissionDeniedError';
  }
}
