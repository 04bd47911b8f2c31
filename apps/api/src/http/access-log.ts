import { FastifyInstance, FastifyRequest } from 'fastify';
import { Logger } from 'pino';
import { REQUEST_ID_HEADER } from './request-id';

/** What the identity layer puts on a request once the credential is verified. */
type LoggedPrincipal = {
  kind?: string;
  tenant?: string;
  subject?: string;
  roles?: readonly string[];
  keyId?: string;
  issuer?: string;
};

const principalOf = (request: FastifyRequest): LoggedPrincipal | undefined => {
  const principal = (request as FastifyRequest & { principal?: LoggedPrincipal }).principal;
  if (!principal) return undefined;
  const { kind, tenant, subject, roles, keyId, issuer } = principal;
  return { kind, tenant, subject, roles, keyId, issuer };
};

/**
 * Returns the request id on every response and, given a logger, writes one access line per request when it
 * completes: request id, method, route pattern (not the raw URL, which may carry personal
 * data in its query), status, duration and the principal when one was verified.
 */
export const useAccessLog = (fastify: FastifyInstance, logger?: Logger): void => {
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  if (!logger) return;
  const log = logger.child({ context: 'http' });
  fastify.addHook('onResponse', async (request, reply) => {
    log.info(
      {
        requestId: request.id,
        method: request.method,
        route: request.routeOptions.url ?? null,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 100) / 100,
        principal: principalOf(request),
      },
      'request completed',
    );
  });
};
