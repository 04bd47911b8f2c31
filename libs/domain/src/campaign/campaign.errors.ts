import { domainErrorsOf } from '../shared';

/** Every error code the campaign decider answers with, and what kind of refusal each one is. */
export const CAMPAIGN_ERROR_CODES = {
  CAMPAIGN_NOT_FOUND: 'not_found',
  CAMPAIGN_ALREADY_EXISTS: 'already_exists',
  CAMPAIGN_COMPLETED: 'rule',
  CAMPAIGN_INVALID_CURRENCY: 'rule',
  CAMPAIGN_INVALID_PERIOD: 'rule',
  CAMPAIGN_NEGATIVE_BUDGET: 'rule',
  CAMPAIGN_INVALID_BUDGET: 'rule',
  CAMPAIGN_NOT_A_MEMBER: 'rule',
} as const;

export const campaignErrors = domainErrorsOf('campaign', CAMPAIGN_ERROR_CODES);
