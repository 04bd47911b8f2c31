export * from './contact.commands';
export * from './contact.events';
export * from './contact.state';
export * from './contact.decider';
export * from './contact.errors';
