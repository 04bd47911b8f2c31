export * from './event-store';
export * from './expected-revision';
export * from './errors';
export * from './serialization';
export * from './sqlite/sqlite-event-store';
export * from './chain';
