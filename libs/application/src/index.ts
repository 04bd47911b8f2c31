export * from './command-context';
export * from './command-errors';
export * from './command-executor';
export * from './config';
export * from './deterministic-id';
export * from './nest';
export * from './processes';
export * from './stream-name';
