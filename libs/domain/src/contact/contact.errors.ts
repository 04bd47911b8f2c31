import { domainErrorsOf } from '../shared';

/** Every error code the contact decider answers with, and what kind of refusal each one is. */
export const CONTACT_ERROR_CODES = {
  CONTACT_NOT_FOUND: 'not_found',
  CONTACT_ALREADY_EXISTS: 'already_exists',
  CONTACT_CUSTOM_FIELDS_TOO_MANY: 'rule',
  CONTACT_TAGS_TOO_MANY: 'rule',
  CONTACT_DUPLICATE_EMAIL: 'rule',
  CONTACT_MERGED: 'rule',
  CONTACT_MERGE_INTO_SELF: 'rule',
  CONTACT_MULTIPLE_PRIMARY_EMAILS: 'rule',
  CONTACT_NOT_LINKED: 'rule',
  CONTACT_SURVIVOR_MERGED: 'rule',
} as const;

export const contactErrors = domainErrorsOf('contact', CONTACT_ERROR_CODES);
