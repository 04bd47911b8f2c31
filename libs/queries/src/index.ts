export * from './read-models';
export * from './time-travel';
export * from './views';
export * from './reports';
