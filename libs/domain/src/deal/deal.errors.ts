import { domainErrorsOf } from '../shared';

/** Every error code the deal decider answers with, and what kind of refusal each one is. */
export const DEAL_ERROR_CODES = {
  DEAL_NOT_FOUND: 'not_found',
  DEAL_ALREADY_EXISTS: 'already_exists',
  DEAL_CLOSED: 'rule',
  DEAL_CURRENCY_MISMATCH: 'rule',
  DEAL_INVALID_AMOUNT: 'rule',
  DEAL_INVALID_CURRENCY: 'rule',
  DEAL_INVALID_EXPECTED_CLOSE_DATE: 'rule',
  DEAL_NEGATIVE_AMOUNT: 'rule',
  DEAL_NOT_CLOSED: 'rule',
  DEAL_NO_PARTY: 'rule',
  DEAL_QUOTE_FOR_OTHER_DEAL: 'rule',
  DEAL_QUOTE_NOT_ACCEPTED: 'rule',
  DEAL_UNKNOWN_STAGE: 'rule',
} as const;

export const dealErrors = domainErrorsOf('deal', DEAL_ERROR_CODES);
