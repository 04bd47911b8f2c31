import { domainErrorsOf } from '../shared';

/** Every error code the lead decider answers with, and what kind of refusal each one is. */
export const LEAD_ERROR_CODES = {
  LEAD_NOT_FOUND: 'not_found',
  LEAD_ALREADY_EXISTS: 'already_exists',
  LEAD_CONVERTED: 'rule',
  LEAD_INVALID_DEAL_AMOUNT: 'rule',
  LEAD_INVALID_SCORE: 'rule',
  LEAD_NOT_QUALIFIED: 'rule',
  LEAD_NO_CONTACT_CHANNEL: 'rule',
  LEAD_SCORE_DELTA_NOT_INTEGER: 'rule',
  LEAD_SCORE_DELTA_ZERO: 'rule',
  LEAD_SCORING_MODEL_NOT_FOUND: 'rule',
} as const;

export const leadErrors = domainErrorsOf('lead', LEAD_ERROR_CODES);
