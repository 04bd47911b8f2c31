export * from './shared';
export * from './task';
