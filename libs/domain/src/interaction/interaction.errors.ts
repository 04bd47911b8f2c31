import { domainErrorsOf } from '../shared';

/** Every error code the interaction decider answers with, and what kind of refusal each one is. */
export const INTERACTION_ERROR_CODES = {
  INTERACTION_NOT_FOUND: 'not_found',
  INTERACTION_ALREADY_EXISTS: 'already_exists',
  INTERACTION_INVALID_DURATION: 'rule',
  INTERACTION_INVALID_TIME: 'rule',
  INTERACTION_IN_FUTURE: 'rule',
  INTERACTION_MEETING_ENDS_BEFORE_START: 'rule',
  INTERACTION_MEETING_NO_PARTICIPANTS: 'rule',
} as const;

export const interactionErrors = domainErrorsOf('interaction', INTERACTION_ERROR_CODES);
