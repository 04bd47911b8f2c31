import { CommandContext, principalRecordOf } from '@crm/application';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { createHash, randomUUID } from 'node:crypto';
import { principalOf } from '../auth/request-principal';
import { ApiError, FieldError } from './api-error';

const HEADER_VALUE = /^[\x21-\x7e]{1,200}$/;
/** `"3"`, or a tag a record read gave (`"3-<digest>"`): the revision is the number before the dash. */
const IF_MATCH = /^(?:W\/)?"?(\d+)(?:-[A-Za-z0-9_-]{1,64})?"?$/;

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Who and which tenant, from the verified credential only (the authentication hook put it on
 * the request and already refused an X-Tenant-Id naming another tenant).
 */
export const requestTenancy = (request: FastifyRequest): { tenantId: string; actorId: string } => {
  const principal = principalOf(request);
  return { tenantId: principal.tenant, actorId: principal.subject };
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
  const principal = principalOf(request);
  const problems: FieldError[] = [];
  const idempotencyKey = optionalHeader(request, 'idempotency-key', problems);
  const correlationId = optionalHeader(request, 'x-correlation-id', problems);
  const causationId = optionalHeader(request, 'x-causation-id', problems);
  const expectedRevision = parseIfMatch(header(request, 'if-match'), problems);
  if (problems.length)
    throw ApiError.badRequest('INVALID_HEADERS', 'some headers are invalid', problems);

  const commandId = randomUUID();
  return {
    tenantId: principal.tenant,
    actorId: principal.subject,
    principal: principalRecordOf(principal),
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
    caller: { subject: principal.subject, roles: principal.roles },
  };
};

/** The command's context: tenant and principal from the credential; from the headers correlation, idempotency, If-Match. */
export const CommandContextFromRequest = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): CommandContext =>
    commandContextOf(ctx.switchToHttp().getRequest()),
);

/** Tenant and actor only, for queries. */
export const TenancyFromRequest = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  requestTenancy(ctx.switchToHttp().getRequest()),
);
