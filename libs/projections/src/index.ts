export * from './projection';
export * from './read-models';
export * from './runner/projection-runner';
export * from './runner/projection-slot';
export * from './runner/replay-until';
export * from './lease';
export * from './worker';
export * from './history/document-history';
