export * from './task.commands';
export * from './task.events';
export * from './task.state';
export * from './task.decider';
export * from './task.errors';
