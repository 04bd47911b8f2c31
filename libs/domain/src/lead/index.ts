export * from './lead.commands';
export * from './lead.events';
export * from './lead.state';
export * from './lead.decider';
export * from './lead.errors';
