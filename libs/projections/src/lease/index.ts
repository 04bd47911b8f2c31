export * from './lease-store';
export * from './embedded-lease-store';
export * from './mongo-lease-operations';
export * from './mongo-lease-store';
export * from './server-clock';
