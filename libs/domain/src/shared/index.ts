export * from './decider';
export * from './domain-error';
export * from './values';
export * from './custom-fields';
export * from './same-value';
export * from './money';
export * from './calendar-date';
