import rateLimit from '@fastify/rate-limit';
import { AppConfig } from '@crm/application';
import { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiErrorBody } from '../http/api-error';

/** Reads kept on a tighter budget: reports `asOf` a past moment. */
export const isExpensiveRead = (request: FastifyRequest): boolean =>
  request.method === 'GET' && request.url.startsWith('/reports/') && /[?&]asOf=/.test(request.url);

/** One budget per principal, whichever credential it used; an address without one. */
const budgetKey = (request: FastifyRequest): string => {
  const principal = request.principal;
  const who = principal
    ? `${principal.tenant}\u0000${principal.kind}\u0000${principal.subject}`
    : `address\u0000${request.ip}`;
  return isExpensiveRead(request) ? `${who}\u0000expensive` : who;
};

export class RateLimitedError extends Error {
  readonly statusCode = 429;
  readonly code = 'RATE_LIMITED';
  constructor(readonly retryAfterSeconds: number) {
    super(`too many requests: retry in ${retryAfterSeconds} s`);
  }
  get body(): ApiErrorBody {
    return {
      statusCode: 429,
      code: this.code,
      message: this.message,
      details: { retryAfterSeconds: this.retryAfterSeconds },
    };
  }
}

/**
 * Per-principal request budgets per minute (in this process's memory), with a separate and
 * tighter one for expensive reads. Runs after authentication has identified the caller and
 * before anything is parsed or handled; over budget is 429 RATE_LIMITED with Retry-After.
 */
export const useRateLimits = async (fastify: FastifyInstance, config: AppConfig): Promise<void> => {
  await fastify.register(rateLimit, {
    global: true,
    timeWindow: 60_000,
    max: (request) =>
      isExpensiveRead(request)
        ? config.CRM_RATE_LIMIT_EXPENSIVE_PER_MINUTE
        : config.CRM_RATE_LIMIT_PER_MINUTE,
    keyGenerator: budgetKey,
    errorResponseBuilder: (_request, context) =>
      new RateLimitedError(Math.max(1, Math.ceil(context.ttl / 1000))),
  });
};
