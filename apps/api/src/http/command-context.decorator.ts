import { CommandContext } from '@crm/application';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { createHash, randomUUID } from 'node:crypto';
import { ApiError, FieldError } from './api-error';

const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const HEADER_VALUE = /^[\x21-\x7e]{1,200}$/;
const IF_MATCH = /^(?:W\/)?"?(\d+)"?$/;

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Reads who and which tenant from the headers; until authentication exists they are required. */
export const requestTenancy = (request: FastifyRequest): { tenantId: string; actorId: string } => {
  const problems: FieldError[] = [];
  const tenantId = header(request, 'x-tenant-id');
  const actorId = header(request, 'x-actor-id');
  if (!tenantId) problems.push({ field: 'x-tenant-id', errors: ['header is required'] });
  else if (!TENANT_ID.test(tenantId)) {
    problems.push({
      field: 'x-tenant-id',
      errors: ['must be 1-64 letters, digits, _ or -, starting with a letter or digit'],
    });
  }
  if (!actorId) problems.push({ field: 'x-actor-id', errors: ['header is required'] });
  else if (!HEADER_VALUE.test(actorId))
    problems.push({ field: 'x-actor-id', errors: ['must be 1-200 visible ASCII characters'] });
  if (problems.length || !tenantId || !actorId) {
    throw ApiError.badRequest('INVALID_HEADERS', 'tenant and actor headers are required', problems);
  }
  return { tenantId, actorId };
};

const optionalHeader = (
  request: FastifyRequest,
  name: string,
  problems: FieldError[],
): string | undefined => {
  const value = header(request, name);
  if (value !== undefined && !HEADER_VALUE.test(value)) {
    problems.push({ field: name, errors: ['must be 1-200 visible ASCII characters'] });
  }
  return value;
};

const parseIfMatch = (value: string | undefined, problems: FieldError[]): bigint | undefined => {
  if (value === undefined) return undefined;
  const match = IF_MATCH.exec(value.trim());
  if (!match) {
    problems.push({ field: 'if-match', errors: ['must be a record revision such as "3"'] });
    return undefined;
  }
  return BigInt(match[1]);
};

export const commandContextOf = (request: FastifyRequest): CommandContext => {
  const { tenantId, actorId } = requestTenancy(request);
  const problems: FieldError[] = [];
  const idempotencyKey = optionalHeader(request, 'idempotency-key', problems);
  const correlationId = optionalHeader(request, 'x-correlation-id', problems);
  const causationId = optionalHeader(request, 'x-causation-id', problems);
  const expectedRevision = parseIfMatch(header(request, 'if-match'), problems);
  if (problems.length)
    throw ApiError.badRequest('INVALID_HEADERS', 'some headers are invalid', problems);

  const commandId = randomUUID();
  return {
    tenantId,
    actorId,
    commandId,
    correlationId: correlationId ?? commandId,
    causationId: causationId ?? commandId,
    idempotencyKey,
    requestHash: idempotencyKey
      ? createHash('sha256')
          .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
          .digest('hex')
      : undefined,
    expectedRevision,
  };
};

/** The command's context from the request headers: tenant, actor, correlation, idempotency, If-Match. */
export const CommandContextFromRequest = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): CommandContext =>
    commandContextOf(ctx.switchToHttp().getRequest()),
);

/** Tenant and actor only, for queries. */
export const TenancyFromRequest = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  requestTenancy(ctx.switchToHttp().getRequest()),
);
