import { context, propagation, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/** The tracer of our own spans: a no-op until an SDK is registered (startTracing, a test). */
export const tracer = () => trace.getTracer('event-sourced-crm');

/**
 * Runs `work` inside a new active span: child spans and the trace context written into events
 * follow it. Errors mark the span and pass on.
 */
export const inSpan = async <T>(
  name: string,
  attributes: Record<string, string | number | boolean>,
  work: (span: Span) => Promise<T>,
): Promise<T> =>
  tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });

/** The active trace as a W3C `traceparent`, for event metadata; undefined when nothing traces. */
export const activeTraceparent = (): string | undefined => {
  const span = trace.getActiveSpan();
  if (!span || !span.isRecording()) return undefined;
  const { traceId, spanId, traceFlags } = span.spanContext();
  return `00-${traceId}-${spanId}-${traceFlags.toString(16).padStart(2, '0')}`;
};

/** The span context a `traceparent` names, for linking a later span to the trace that wrote. */
export const spanContextOf = (traceparent: unknown) => {
  if (typeof traceparent !== 'string') return undefined;
  const match = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/.exec(traceparent);
  return match
    ? { traceId: match[1], spanId: match[2], traceFlags: parseInt(match[3], 16), isRemote: true }
    : undefined;
};

/** A server span for an incoming request, its parent taken from the caller's trace headers. */
export const startServerSpan = (
  name: string,
  headers: Record<string, string | string[] | undefined>,
  attributes: Record<string, string | number | boolean>,
) => {
  const parent = propagation.extract(context.active(), headers);
  const span = tracer().startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
  return { span, context: trace.setSpan(parent, span) };
};
