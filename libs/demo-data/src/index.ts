export * from './demo-data';
export * from './demo-item';
export * from './demo-options';
export { DEMO_PIPELINE_STAGES } from './generators/pipeline.generator';
export { mulberry32, Random } from './random';
