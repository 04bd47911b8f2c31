import { OpenAPIObject } from '@nestjs/swagger';
import {
  OperationObject,
  ParameterObject,
  ResponseObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { isPublicPath } from '../auth/public-routes';
import { ERROR_BODY_SCHEMA, ERROR_STATUSES } from './error-body.schema';
import { completeRecordRead } from './record-read-headers';
import { completeAnswers } from './responses/complete-answers';

type Status = keyof typeof ERROR_STATUSES;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const WRITES = new Set<string>(['put', 'post', 'delete', 'patch']);
const ERROR_REF = { $ref: '#/components/schemas/ErrorBody' };

const RECORD_ID = '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$';
const VISIBLE_ASCII = '^[\\x21-\\x7e]{1,200}$';

/** The patterns the API checks its headers and path parameters against, so clients can too. */
const PARAMETER_PATTERNS: Record<string, string> = {
  'header:X-Tenant-Id': RECORD_ID,
  'header:Idempotency-Key': VISIBLE_ASCII,
  'header:X-Correlation-Id': VISIBLE_ASCII,
  'header:X-Causation-Id': VISIBLE_ASCII,
  'header:If-Match': '^(W/)?"?\\d+(-[A-Za-z0-9_-]{1,64})?"?$',
  'path:id': RECORD_ID,
  'path:stageId': RECORD_ID,
  'path:deliveryId': '^dlv_[0-9a-f]{32}$',
  'path:key': '^[A-Za-z0-9_.-]{1,64}$',
};

const errorResponse = (status: Status, existing?: ResponseObject): ResponseObject => ({
  description: existing?.description
    ? `${existing.description}. ${ERROR_STATUSES[status]}`
    : ERROR_STATUSES[status],
  content: { 'application/json': { schema: ERROR_REF } },
  ...((status === 503 || status === 429) && {
    headers: { 'Retry-After': { description: 'seconds', schema: { type: 'integer' } } },
  }),
});

const isCommand = (operation: OperationObject): boolean =>
  Object.values(operation.responses).some((response) =>
    JSON.stringify((response as ResponseObject).content ?? {}).includes('CommandAnswer'),
  );

const completeParameters = (operation: OperationObject): ParameterObject[] => {
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  for (const parameter of parameters) {
    const pattern = PARAMETER_PATTERNS[`${parameter.in}:${parameter.name}`];
    if (pattern && parameter.schema && !('$ref' in parameter.schema) && !parameter.schema.enum)
      parameter.schema.pattern = pattern;
  }
  if (isCommand(operation) && !parameters.some((p) => p.name === 'X-Causation-Id')) {
    parameters.push({
      name: 'X-Causation-Id',
      in: 'header',
      required: false,
      description: 'the message that caused this command; defaults to X-Correlation-Id',
      schema: { type: 'string', pattern: VISIBLE_ASCII },
    });
  }
  return parameters;
};

/** The statuses an operation can answer with besides its success. */
const errorStatusesOf = (path: string, method: string, operation: OperationObject): Status[] => {
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  const statuses: Status[] = [400];
  if (!isPublicPath(path, true)) statuses.push(401, 403, 429);
  if (parameters.some((p) => p.in === 'path')) statuses.push(404);
  if (WRITES.has(method)) statuses.push(413, 415);
  if (isCommand(operation)) statuses.push(409, 412, 422);
  if (parameters.some((p) => p.in === 'query' && p.name === 'minPosition')) statuses.push(503);
  return statuses;
};

const completeResponses = (path: string, method: string, operation: OperationObject): void => {
  const responses = operation.responses as Record<string, ResponseObject>;
  const command = isCommand(operation);
  for (const [status, response] of Object.entries(responses)) {
    const success = status.startsWith('2');
    // Nest adds its default 201/200 beside the one a command declares: only the declared one is true.
    if (success && command && !JSON.stringify(response.content ?? {}).includes('CommandAnswer')) {
      delete responses[status];
      continue;
    }
    if (Number(status) >= 400) {
      response.content = { 'application/json': { schema: ERROR_REF } };
      continue;
    }
    if (success) {
      response.description ||= 'OK';
      response.content ??= { 'application/json': { schema: { type: 'object' } } };
      if (command) {
        response.headers = {
          ...response.headers,
          ETag: {
            description: 'the record revision after the command, as "3"',
            schema: { type: 'string' },
          },
        };
      }
    }
  }
  for (const status of errorStatusesOf(path, method, operation))
    responses[status] = errorResponse(status, responses[status]);
};

/** A body whose fields are all optional may be left out altogether: the API reads it as `{}`. */
const completeRequestBody = (operation: OperationObject, document: OpenAPIObject): void => {
  const body = operation.requestBody;
  if (!body || '$ref' in body) return;
  const schema = body.content['application/json']?.schema;
  const name = schema && '$ref' in schema ? schema.$ref.split('/').pop() : undefined;
  const component = name ? document.components?.schemas?.[name] : undefined;
  if (component && !('$ref' in component) && !component.required?.length) body.required = false;
};

/**
 * What Nest's generator leaves out and a client generator needs: the error body on every error
 * status with its codes, the ETag header, every header the API reads, the patterns it checks.
 */
export const completeDocument = (document: OpenAPIObject): OpenAPIObject => {
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ErrorBody: ERROR_BODY_SCHEMA },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      operation.parameters = completeParameters(operation);
      // The document requires the bearer credential everywhere; the public routes say they do not.
      if (isPublicPath(path, true)) operation.security = [];
      completeRequestBody(operation, document);
      completeResponses(path, method, operation);
      completeRecordRead(path, method, operation);
    }
  }
  completeAnswers(document);
  return document;
};
