import { MongoBulkWriteError, MongoError, type WriteError } from 'mongodb';

// WriteError, WriteConcernError and BulkWriteResult are declared as classes in mongodb.d.ts but
// exported as types only: `instanceof` on them throws at runtime. Only the error classes are values.

/** What a standalone `mongod` answers to the first command of a transaction (code 20, IllegalOperation). */
const TRANSACTION_NUMBERS_REFUSED = /Transaction numbers are only allowed/i;
const ILLEGAL_OPERATION = 20;
/** What FerretDB 1.x answers instead: the transaction fields are unknown to it (code 9, FailedToParse). */
const TRANSACTION_FIELDS_UNKNOWN = /unknown field "(startTransaction|autocommit|txnNumber)"/i;
const FAILED_TO_PARSE = 9;
/** ...and when a transaction only read, its commit is a command FerretDB does not have (59). */
const COMMAND_NOT_FOUND = 59;
const TRANSACTION_COMMAND_MISSING = /no such command: '(commitTransaction|abortTransaction)'/i;
const NAMESPACE_NOT_FOUND = 26;
const DUPLICATE_KEY_CODES: ReadonlySet<number> = new Set([11000, 11001]);

const MAX_DEPTH = 5;

type ErrorLike = { code?: unknown; message?: unknown; errmsg?: unknown };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * The error and the errors it wraps. The driver nests them: a write refused with code 20 is
 * rethrown as "This MongoDB deployment does not support retryable writes" carrying the server's
 * error as `originalError` (also inside `errorResponse`), and a bulk write wraps that again in a
 * MongoBulkWriteError that copies those fields.
 */
const errorChain = (error: unknown): ErrorLike[] => {
  const chain: ErrorLike[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (!isObject(value) || depth > MAX_DEPTH || chain.includes(value)) return;
    chain.push(value);
    visit(value.originalError, depth + 1);
    visit(value.cause, depth + 1);
    visit(value.errorResponse, depth + 1);
  };
  visit(error, 0);
  return chain;
};

const messageOf = (error: ErrorLike): string =>
  [error.message, error.errmsg].filter((text) => typeof text === 'string').join(' ');

/**
 * True when the deployment cannot run transactions at all (a standalone server), as opposed to a
 * transaction that failed: only then may 'auto' fall back to the position guard for good.
 */
export const isTransactionNotSupportedError = (error: unknown): boolean =>
  errorChain(error).some(
    (link) =>
      (Number(link.code) === ILLEGAL_OPERATION &&
        TRANSACTION_NUMBERS_REFUSED.test(messageOf(link))) ||
      (Number(link.code) === FAILED_TO_PARSE && TRANSACTION_FIELDS_UNKNOWN.test(messageOf(link))) ||
      (Number(link.code) === COMMAND_NOT_FOUND &&
        TRANSACTION_COMMAND_MISSING.test(messageOf(link))),
  );

export const isDuplicateKeyError = (error: unknown): boolean =>
  isObject(error) && DUPLICATE_KEY_CODES.has(Number(error.code));

/** Dropping a collection that does not exist (driver 7 already swallows it; older servers say "ns not found"). */
export const isNamespaceNotFoundError = (error: unknown): boolean =>
  error instanceof MongoError &&
  (Number(error.code) === NAMESPACE_NOT_FOUND ||
    /ns not found|ns does not exist/i.test(messageOf(error)));

const isReadonlyArray = <T>(value: T | readonly T[]): value is readonly T[] => Array.isArray(value);

/** The per-operation errors of a bulk write (the driver types them as one or many). */
export const writeErrorsOf = (error: MongoBulkWriteError): WriteError[] => {
  const writeErrors: WriteError | readonly WriteError[] | undefined = error.writeErrors;
  if (writeErrors === undefined || writeErrors === null) return [];
  return isReadonlyArray(writeErrors) ? [...writeErrors] : [writeErrors];
};
