export * from './event-metadata';
export * from './event-serializer';
export * from './event-type-name';
export * from './upcasting';
