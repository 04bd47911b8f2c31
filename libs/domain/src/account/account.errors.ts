import { domainErrorsOf } from '../shared';

/** Every error code the account decider answers with, and what kind of refusal each one is. */
export const ACCOUNT_ERROR_CODES = {
  ACCOUNT_NOT_FOUND: 'not_found',
  ACCOUNT_ALREADY_EXISTS: 'already_exists',
  ACCOUNT_ARCHIVED: 'rule',
  ACCOUNT_CUSTOM_FIELDS_TOO_MANY: 'rule',
  ACCOUNT_TAGS_TOO_MANY: 'rule',
} as const;

export const accountErrors = domainErrorsOf('account', ACCOUNT_ERROR_CODES);
