export * from './shared';
export * from './aggregates';
export * from './task';
