import { RecordedEvent } from '@crm/event-store';
import { Link, SpanStatusCode, trace } from '@opentelemetry/api';

/** Links per batch span: enough to follow a few writers, bounded for batches of thousands. */
const MAX_LINKS = 32;

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** Links to the traces of the commands that wrote these events (their `traceparent`). */
const linksTo = (events: readonly RecordedEvent[]): Link[] => {
  const links: Link[] = [];
  const seen = new Set<string>();
  for (const event of events) {
    const match = TRACEPARENT.exec(String(event.metadata.traceparent ?? ''));
    if (!match || seen.has(match[2])) continue;
    seen.add(match[2]);
    links.push({
      context: { traceId: match[1], spanId: match[2], traceFlags: parseInt(match[3], 16) },
      attributes: { 'crm.event_id': event.id },
    });
    if (links.length === MAX_LINKS) break;
  }
  return links;
};

/**
 * Runs one projection batch inside a span linked to the traces that wrote its events, so a
 * request's trace leads on to the projection that applied it. A no-op while tracing is off.
 */
export const inBatchSpan = (batch: readonly RecordedEvent[], work: () => Promise<void>) =>
  trace.getTracer('event-sourced-crm').startActiveSpan(
    'projection batch',
    {
      links: linksTo(batch),
      attributes: {
        'crm.events': batch.length,
        'crm.position.first': batch[0].position.toString(),
        'crm.position.last': batch[batch.length - 1].position.toString(),
      },
    },
    async (span) => {
      try {
        await work();
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
        throw error;
      } finally {
        span.end();
      }
    },
  );
