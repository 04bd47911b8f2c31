export * from './read-models-behind.error';
export * from './read-your-writes';
