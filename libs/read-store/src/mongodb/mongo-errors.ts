import { MongoBulkWriteError, MongoError, type WriteError } from 'mongodb';

// WriteError, WriteConcernError and BulkWriteResult are declared as classes in mongodb.d.ts but
// exported as types only: `instanceof` on them throws at runtime. Only the error classes are values.

/** What a standalone `mongod` answers to the first command of a transaction (code 20, IllegalOperation). */
const TRANSACTION_NUMBERS_REFUSED = /Transaction numbers are only allowed/i;
const ILLEGAL_OPERATION = 20;
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
      Number(link.code) === ILLEGAL_OPERATION && TRANSACTION_NUMBERS_REFUSED.test(messageOf(link)),
  );

export const isDuplicateKeyError = (error: unknown): boolean =>
  isObject(error) && DUPLICATE_KEY_CODES.has(Number(error.code));

/** Dropping a collection that does not exist (driver 7 already swallows it; older servers say "ns not found"). */
export const isNamespaceNotFoundError = (error: unknown): boolean =>
  error instanceof MongoError &&
  (Number(error.code) === NAMESPACE_NOT_FOUND || /ns not found/i.test(messageOf(error)));

const isReadonlyArray = <T>(value: T | readonly T[]): value is readonly T[] => Array.isArray(value);

/** The per-operation errors of a bulk write (the driver types them as one or many). */
export const writeErrorsOf = (error: MongoBulkWriteError): WriteError[] => {
  const writeErrors: WriteError | readonly WriteError[] | undefined = error.writeErrors;
  if (writeErrors === undefined || writeErrors === null) return [];
  return isReadonlyArray(writeErrors) ? [...writeErrors] : [writeErrors];
};

/** A write-concern failure travels as `err`, or only in the result when write errors came first. */
const hasWriteConcernError = (error: MongoBulkWriteError): boolean =>
  error.err !== undefined ||
  (typeof error.result?.getWriteConcernError === 'function' &&
    error.result.getWriteConcernError() !== undefined);

/**
 * True when a guarded bulk write failed only because newer versions were already stored: every
 * write error is a duplicate key on an upsert (`isGuardedUpsert(index)`), and there is no
 * write-concern error. Everything else the bulk write did has been applied (it is unordered).
 */
export const isOnlyStaleWriteRejections = (
  error: unknown,
  isGuardedUpsert: (operationIndex: number) => boolean,
): boolean => {
  if (!(error instanceof MongoBulkWriteError) || hasWriteConcernError(error)) return false;
  const writeErrors = writeErrorsOf(error);
  return (
    writeErrors.length > 0 &&
    writeErrors.every(
      (writeError) => isDuplicateKeyError(writeError) && isGuardedUpsert(writeError.index),
    )
  );
};
