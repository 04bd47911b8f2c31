import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrorBody } from '../http/api-error';
import { Authenticator } from './authenticator';
import { isPublicPath } from './public-routes';
import { UnauthenticatedError } from './unauthenticated.error';
import './request-principal';

/** A route registered in code with `config: { public: true }` (only the benchmark's baseline). */
const isPublicRoute = (request: FastifyRequest): boolean =>
  (request.routeOptions.config as { public?: unknown } | undefined)?.public === true;

const unauthenticated = (reply: FastifyReply): FastifyReply => {
  const body: ApiErrorBody = {
    statusCode: 401,
    code: 'UNAUTHENTICATED',
    message: 'a valid credential is required: Authorization: Bearer <API key or token>',
  };
  return reply.code(401).header('www-authenticate', 'Bearer error="invalid_token"').send(body);
};

const tenantMismatch = (reply: FastifyReply): FastifyReply => {
  const body: ApiErrorBody = {
    statusCode: 403,
    code: 'TENANT_MISMATCH',
    message: "X-Tenant-Id names another tenant than the credential's",
    fields: [{ field: 'x-tenant-id', errors: ["must be the credential's tenant"] }],
  };
  return reply.code(403).send(body);
};

const refusals = new WeakMap<FastifyRequest, 'unauthenticated' | 'tenant-mismatch'>();

/** Browsers send CORS preflights without credentials; no handler answers OPTIONS otherwise. */
const needsNoCredential = (request: FastifyRequest, docsPublic: boolean): boolean =>
  request.method === 'OPTIONS' || isPublicPath(request.url, docsPublic) || isPublicRoute(request);

/**
 * Authenticates every request before body parsing or any handler. The first onRequest hook
 * identifies the caller (so the rate limits that follow count per principal, and count failed
 * attempts per address); the first preParsing hook then refuses a request without a valid
 * credential, before its body is read. No route is reached without a principal unless it is
 * public. The tenant comes from the credential alone; X-Tenant-Id, where sent, must match.
 */
export const useAuthentication = (
  fastify: FastifyInstance,
  authenticator: Authenticator,
  options: { docsPublic: boolean },
): void => {
  fastify.decorateRequest('principal', undefined);
  fastify.addHook('onRequest', async (request) => {
    if (needsNoCredential(request, options.docsPublic)) return;
    try {
      request.principal = await authenticator.authenticate(request.headers.authorization);
    } catch (error) {
      if (!(error instanceof UnauthenticatedError)) throw error;
      refusals.set(request, 'unauthenticated');
      return;
    }
    const claimed = request.headers['x-tenant-id'];
    if (claimed !== undefined && claimed !== request.principal.tenant) {
      refusals.set(request, 'tenant-mismatch');
    }
  });
  fastify.addHook('preParsing', async (request, reply) => {
    if (needsNoCredential(request, options.docsPublic)) return;
    const refusal = refusals.get(request) ?? (request.principal ? undefined : 'unauthenticated');
    if (refusal === 'unauthenticated') return unauthenticated(reply);
    if (refusal === 'tenant-mismatch') return tenantMismatch(reply);
  });
};
