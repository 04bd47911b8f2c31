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

/** An aggregate's error codes and the kind of refusal each one is. */
export type ErrorCodeTable = Readonly<Record<string, DomainErrorKind>>;

type CodesOfKind<T extends ErrorCodeTable, K extends DomainErrorKind> = {
  [C in keyof T]: T[C] extends K ? C : never;
}[keyof T] &
  string;

/** The table must declare the record kind's `<KIND>_NOT_FOUND` and `<KIND>_ALREADY_EXISTS`. */
type WithRecordCodes<R extends string> = Record<`${Uppercase<R>}_NOT_FOUND`, 'not_found'> &
  Record<`${Uppercase<R>}_ALREADY_EXISTS`, 'already_exists'>;

/**
 * The errors one aggregate may raise: `rule` takes only the rule codes its table declares, so a
 * decider cannot answer with a code the error mapping and the specifications do not know.
 */
export const domainErrorsOf = <R extends string, T extends ErrorCodeTable & WithRecordCodes<R>>(
  recordKind: R,
  codes: T,
) => ({
  codes,
  rule: (
    code: CodesOfKind<T, 'rule'>,
    message: string,
    details: Record<string, unknown> = {},
  ): DomainError => new DomainError(code, message, 'rule', details),
  notFound: (id: string): DomainError => recordNotFound(recordKind, id),
  alreadyExists: (id: string): DomainError => recordAlreadyExists(recordKind, id),
});
