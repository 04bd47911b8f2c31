export * from './ticket.commands';
export * from './ticket.events';
export * from './ticket.state';
export * from './ticket.sla-policy';
export * from './ticket.sla-breach';
export * from './ticket.decider';
export * from './ticket.errors';
