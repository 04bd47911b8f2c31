/**
 * A rule of the domain refused a command. `kind` tells the transport which status fits:
 * a broken rule (422), a record that does not exist (404) or one that already does (409).
 */
export type DomainErrorKind = 'rule' | 'not_found' | 'already_exists';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'rule',
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const recordNotFound = (recordKind: string, id: string): DomainError =>
  new DomainError(
    `${recordKind.toUpperCase()}_NOT_FOUND`,
    `${recordKind} ${id} does not exist`,
    'not_found',
    {
      id,
    },
  );

export const recordAlreadyExists = (recordKind: string, id: string): DomainError =>
  new DomainError(
    `${recordKind.toUpperCase()}_ALREADY_EXISTS`,
    `${recordKind} ${id} already exists`,
    'already_exists',
    { id },
  );

export const ruleBroken = (
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): DomainError => new DomainError(code, message, 'rule', details);
