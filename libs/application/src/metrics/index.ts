export * from './crm-metrics';
export * from './instrumented-event-store';
export * from './read-side-gauges';
export * from './read-side-metrics';
export * from './ops-server';
