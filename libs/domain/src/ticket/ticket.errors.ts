import { domainErrorsOf } from '../shared';

/** Every error code the ticket decider answers with, and what kind of refusal each one is. */
export const TICKET_ERROR_CODES = {
  TICKET_NOT_FOUND: 'not_found',
  TICKET_ALREADY_EXISTS: 'already_exists',
  TICKET_CLOSED: 'rule',
  TICKET_NOT_RESOLVED: 'rule',
  TICKET_RESOLVED: 'rule',
  TICKET_SLA_NOT_BREACHED: 'rule',
} as const;

export const ticketErrors = domainErrorsOf('ticket', TICKET_ERROR_CODES);
