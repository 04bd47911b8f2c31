export * from './scoring-model-stream';
export * from './scoring-model-publisher';
export * from './lead-scoring.process';
