import { domainErrorsOf } from '../shared';

/** Every error code the quote decider answers with, and what kind of refusal each one is. */
export const QUOTE_ERROR_CODES = {
  QUOTE_NOT_FOUND: 'not_found',
  QUOTE_ALREADY_EXISTS: 'already_exists',
  QUOTE_INVALID_CURRENCY: 'rule',
  QUOTE_CURRENCY_MISMATCH: 'rule',
  QUOTE_INVALID_VALID_UNTIL: 'rule',
  QUOTE_INVALID_QUANTITY: 'rule',
  QUOTE_INVALID_PRICE: 'rule',
  QUOTE_INVALID_DISCOUNT: 'rule',
  QUOTE_DUPLICATE_LINE: 'rule',
  QUOTE_LINE_NOT_FOUND: 'rule',
  QUOTE_LINES_TOO_MANY: 'rule',
  QUOTE_NOT_DRAFT: 'rule',
  QUOTE_NO_LINES: 'rule',
  QUOTE_NOT_SENT: 'rule',
  QUOTE_EXPIRED: 'rule',
  QUOTE_NOT_YET_EXPIRED: 'rule',
  QUOTE_ACCEPTED: 'rule',
} as const;

export const quoteErrors = domainErrorsOf('quote', QUOTE_ERROR_CODES);
