export * from './read-models-behind.error';
export * from './read-your-writes';
export * from './read-side-progress';
export * from './position-not-written.error';
