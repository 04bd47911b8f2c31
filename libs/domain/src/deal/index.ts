export * from './deal.commands';
export * from './deal.events';
export * from './deal.state';
export * from './deal.decider';
export * from './deal.errors';
