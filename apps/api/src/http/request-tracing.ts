import { startServerSpan } from '@crm/application';
import { context, Span, SpanStatusCode } from '@opentelemetry/api';
import { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * One server span per request, named by method and route pattern, continuing the caller's trace
 * (`traceparent`). The rest of the request runs inside it, so the command, the append and the
 * events' recorded trace context hang under it. A no-op span while tracing is off.
 */
export const useRequestTracing = (fastify: FastifyInstance): void => {
  const spans = new WeakMap<FastifyRequest, Span>();
  fastify.addHook('onRequest', (request, _reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const { span, context: active } = startServerSpan(
      `${request.method} ${route}`,
      request.headers,
      {
        'http.request.method': request.method,
        'http.route': route,
        'crm.request_id': request.id,
      },
    );
    spans.set(request, span);
    context.with(active, done);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    const span = spans.get(request);
    if (!span) return;
    span.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
};
