export * from './interaction.commands';
export * from './interaction.events';
export * from './interaction.state';
export * from './interaction.decider';
export * from './interaction.errors';
