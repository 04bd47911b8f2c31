export * from './lease-keeper';
export * from './projector-worker';
export * from './select-projections';
