export * from './command-context';
export * from './command-errors';
export * from './command-executor';
export * from './config';
export * from './deterministic-id';
export * from './nest';
export * from './processes';
export type { ConvertLeadRequest } from './preparation/lead.preparer';
export * from './stream-name';
