export * from './scoring-model';
export * from './fit-points';
export * from './engagement-points';
export * from './free-mail';
