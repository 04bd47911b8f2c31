export * from './read-models';
export * from './time-travel';
