export * from './keyset-list';
export * from './list-campaigns';
export * from './list-cursor';
export * from './list-deals';
export * from './list-interactions';
export * from './list-leads';
export * from './list-pipelines';
export * from './list-tickets';
