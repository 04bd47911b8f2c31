export * from './command-request';
export * from './lead-conversion.saga';
export * from './process-checkpoints';
export * from './process-consequences';
export * from './process-definition';
export * from './process-managers';
export * from './process-runner';
