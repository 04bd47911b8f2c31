export * from './pipeline.commands';
export * from './pipeline.events';
export * from './pipeline.state';
export * from './pipeline.decider';
export * from './pipeline.errors';
