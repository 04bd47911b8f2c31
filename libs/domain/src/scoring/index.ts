export * from './scoring-model';
export * from './fit-points';
