export * from './decider-specification';
export * from './event-store-contract';
export * from './projected-event';
export * from './document-store-contract';
export * from './projection-specification';
