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

/**
 * Authenticates every request before routing, body parsing or any handler: the first hook, so
 * no route can be reached without a principal unless it is listed as public. The tenant comes
 * from the credential alone; X-Tenant-Id, where sent, must name the same one.
 */
export const useAuthentication = (
  fastify: FastifyInstance,
  authenticator: Authenticator,
  options: { docsPublic: boolean },
): void => {
  fastify.decorateRequest('principal', undefined);
  fastify.addHook('onRequest', async (request, reply) => {
    if (isPublicPath(request.url, options.docsPublic) || isPublicRoute(request)) return;
    try {
      request.principal = await authenticator.authenticate(request.headers.authorization);
    } catch (error) {
      if (error instanceof UnauthenticatedError) return unauthenticated(reply);
      throw error;
    }
    const claimed = request.headers['x-tenant-id'];
    if (claimed !== undefined && claimed !== request.principal.tenant) {
      return tenantMismatch(reply);
    }
  });
};
