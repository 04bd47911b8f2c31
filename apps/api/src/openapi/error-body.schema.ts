import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The JSON body of every error answer (`ApiErrorBody`), as the document describes it. */
export const ERROR_BODY_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['statusCode', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599 },
    code: { type: 'string', description: 'machine-readable, e.g. VALIDATION_FAILED' },
    message: { type: 'string' },
    fields: {
      type: 'array',
      description: 'the offending inputs: body fields, query or path parameters, headers',
      items: {
        type: 'object',
        required: ['field', 'errors'],
        properties: {
          field: { type: 'string', example: 'emails[0].address' },
          errors: { type: 'array', items: { type: 'string' } },
        },
      },
    },
    details: { type: 'object', additionalProperties: true },
  },
};

/** What each error status means and the codes it carries, for the document's descriptions. */
export const ERROR_STATUSES = {
  400: 'invalid request. Codes: MALFORMED_JSON, BODY_TOO_DEEP, BODY_TOO_COMPLEX, BODY_NOT_AN_OBJECT, VALIDATION_FAILED (body, query or path; `fields` names each), INVALID_HEADERS, INVALID_RECORD_ID, INVALID_RECORD_KIND, MIN_POSITION_NOT_WRITTEN',
  401: 'no credential, or a malformed, expired, revoked or unknown one (WWW-Authenticate: Bearer error="invalid_token"). Code: UNAUTHENTICATED',
  403: "the credential's roles do not grant this, or X-Tenant-Id names another tenant. Codes: FORBIDDEN (details name the permission), TENANT_MISMATCH",
  404: 'the record does not exist. Codes: <KIND>_NOT_FOUND (e.g. DEAL_NOT_FOUND), RECORD_NOT_FOUND',
  409: 'conflict. Codes: <KIND>_ALREADY_EXISTS, CONCURRENCY_CONFLICT (retried too often), IDEMPOTENCY_KEY_REUSED',
  412: 'If-Match names a revision the record has moved on from. Code: PRECONDITION_FAILED (details: expectedRevision, actualRevision)',
  413: 'body larger than CRM_BODY_LIMIT_BYTES. Code: PAYLOAD_TOO_LARGE',
  415: 'the body is not application/json. Code: UNSUPPORTED_MEDIA_TYPE',
  422: 'a domain rule refused the command (its own code, e.g. DEAL_CLOSED) or a referenced record does not exist (REFERENCE_NOT_FOUND-style codes, with `fields`)',
  429: 'too many requests from this principal; retry after Retry-After seconds. Code: RATE_LIMITED',
  503: 'the read models have not reached minPosition within CRM_READ_WAIT_TIMEOUT_MS; retry after Retry-After seconds. Code: READ_MODELS_BEHIND',
} as const;
