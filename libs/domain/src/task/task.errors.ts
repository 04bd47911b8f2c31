import { domainErrorsOf } from '../shared';

/** Every error code the task decider answers with, and what kind of refusal each one is. */
export const TASK_ERROR_CODES = {
  TASK_NOT_FOUND: 'not_found',
  TASK_ALREADY_EXISTS: 'already_exists',
  TASK_CLOSED: 'rule',
} as const;

export const taskErrors = domainErrorsOf('task', TASK_ERROR_CODES);
