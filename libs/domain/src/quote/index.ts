export * from './quote.commands';
export * from './quote.events';
export * from './quote.state';
export * from './quote.decider';
export * from './quote.errors';
export * from './quote-pricing';
