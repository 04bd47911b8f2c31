import { EventStore } from '@crm/event-store';
import { inSpan } from '../tracing/tracer';
import { CrmMetrics } from './crm-metrics';

/**
 * The store with every append in a span (`event-store append`) and, given metrics, timed into
 * crm_event_store_append_duration_seconds. A proxy, so whatever else the adapter offers (stats,
 * close) passes through untouched.
 */
export const instrumentEventStore = <S extends EventStore>(store: S, metrics?: CrmMetrics): S =>
  new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property !== 'appendToStream' || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const [streamName, events] = args as [string, unknown[]];
        const attributes = { 'crm.stream': streamName, 'crm.events': events.length };
        return inSpan('event-store append', attributes, async () => {
          const stop = metrics?.appendDuration.startTimer();
          try {
            const result: unknown = await value.apply(target, args);
            stop?.({ outcome: 'ok' });
            return result;
          } catch (error) {
            stop?.({ outcome: 'error' });
            throw error;
          }
        });
      };
    },
  });
