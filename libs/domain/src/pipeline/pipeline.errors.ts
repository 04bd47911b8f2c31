import { domainErrorsOf } from '../shared';

/** Every error code the pipeline decider answers with, and what kind of refusal each one is. */
export const PIPELINE_ERROR_CODES = {
  PIPELINE_NOT_FOUND: 'not_found',
  PIPELINE_ALREADY_EXISTS: 'already_exists',
  PIPELINE_DUPLICATE_STAGE_ID: 'rule',
  PIPELINE_DUPLICATE_STAGE_NAME: 'rule',
  PIPELINE_INVALID_POSITION: 'rule',
  PIPELINE_INVALID_PROBABILITY: 'rule',
  PIPELINE_LAST_STAGE: 'rule',
  PIPELINE_NO_STAGES: 'rule',
  PIPELINE_REORDER_MISMATCH: 'rule',
  PIPELINE_STAGE_HAS_OPEN_DEALS: 'rule',
  PIPELINE_STAGE_NOT_FOUND: 'rule',
  PIPELINE_STAGES_TOO_MANY: 'rule',
} as const;

export const pipelineErrors = domainErrorsOf('pipeline', PIPELINE_ERROR_CODES);
