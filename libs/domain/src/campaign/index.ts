export * from './campaign.commands';
export * from './campaign.events';
export * from './campaign.state';
export * from './campaign.decider';
export * from './campaign.errors';
