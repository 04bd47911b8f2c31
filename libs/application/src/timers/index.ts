export * from './sla-breach-detector';
export * from './sla-breach-requests';
export * from './sla-breach-timer';
export * from './lead-decay-detector';
export * from './lead-decay-requests';
export * from './lead-decay-timer';
