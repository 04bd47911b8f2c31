export * from './sla-breach-detector';
export * from './sla-breach-requests';
export * from './sla-breach-timer';
