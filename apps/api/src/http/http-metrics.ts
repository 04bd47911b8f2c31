import { CrmMetrics } from '@crm/application';
import { FastifyInstance } from 'fastify';

/** Counts and times every answered request by route pattern (not the raw URL), method, status. */
export const useHttpMetrics = (fastify: FastifyInstance, metrics: CrmMetrics): void => {
  fastify.addHook('onResponse', async (request, reply) => {
    const labels = {
      route: request.routeOptions.url ?? 'unmatched',
      method: request.method,
      status: String(reply.statusCode),
    };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
  });
};
