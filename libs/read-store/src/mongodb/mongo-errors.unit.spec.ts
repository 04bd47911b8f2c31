import { MongoBulkWriteError, MongoServerError } from 'mongodb';
import {
  bulkWrapping,
  bulkWriteErrorOf,
  duplicateKey,
  retryableWritesWrapper,
  standaloneTransactionError,
} from './driver-errors.fixture';
import {
  isDuplicateKeyError,
  isNamespaceNotFoundError,
  isTransactionNotSupportedError,
  writeErrorsOf,
} from './mongo-errors';

describe('isTransactionNotSupportedError', () => {
  it("recognises FerretDB 1.24's replies: unknown transaction fields (9) and no commitTransaction (59)", () => {
    const unknownField = new MongoServerError({
      ok: 0,
      errmsg: 'insert: unknown field "autocommit"',
      code: 9,
      codeName: 'FailedToParse',
    });
    const noCommit = new MongoServerError({
      ok: 0,
      errmsg: "no such command: 'commitTransaction'",
      code: 59,
      codeName: 'CommandNotFound',
    });
    expect(isTransactionNotSupportedError(unknownField)).toBe(true);
    expect(isTransactionNotSupportedError(bulkWrapping(unknownField))).toBe(true);
    expect(isTransactionNotSupportedError(noCommit)).toBe(true);
    const otherParse = new MongoServerError({ ok: 0, errmsg: 'unknown field "sort"', code: 9 });
    const otherCommand = new MongoServerError({ ok: 0, errmsg: "no such command: 'x'", code: 59 });
    expect(isTransactionNotSupportedError(otherParse)).toBe(false);
    expect(isTransactionNotSupportedError(otherCommand)).toBe(false);
  });

  it("recognises the standalone server's reply (code 20, IllegalOperation)", () => {
    expect(isTransactionNotSupportedError(standaloneTransactionError())).toBe(true);
  });

  it('sees through the retryable-writes error the driver throws for a write refused with code 20', () => {
    const wrapped = retryableWritesWrapper(standaloneTransactionError());
    expect(wrapped.code).toBeUndefined();
    expect(wrapped.message).toMatch(/does not support retryable writes/);
    expect(isTransactionNotSupportedError(wrapped)).toBe(true);
  });

  it('sees through a bulk write wrapping either shape, as bulkWrite in a transaction throws it', () => {
    const direct = bulkWrapping(standaloneTransactionError());
    const nested = bulkWrapping(retryableWritesWrapper(standaloneTransactionError()));
    expect(direct).toBeInstanceOf(MongoBulkWriteError);
    expect(isTransactionNotSupportedError(direct)).toBe(true);
    expect(isTransactionNotSupportedError(nested)).toBe(true);
  });

  it('is false for other failures, even with code 20 or the same words without the code', () => {
    const otherIllegal = new MongoServerError({
      ok: 0,
      errmsg: 'retryable writes is not supported for unreplicated ns: local.x',
      code: 20,
      codeName: 'IllegalOperation',
    });
    const writeConflict = new MongoServerError({
      ok: 0,
      errmsg: 'WriteConflict error: this operation conflicted with another operation.',
      code: 112,
      codeName: 'WriteConflict',
      errorLabels: ['TransientTransactionError'],
    });
    expect(isTransactionNotSupportedError(otherIllegal)).toBe(false);
    expect(isTransactionNotSupportedError(retryableWritesWrapper(otherIllegal))).toBe(false);
    expect(isTransactionNotSupportedError(writeConflict)).toBe(false);
    expect(isTransactionNotSupportedError(bulkWriteErrorOf([duplicateKey(0, 'a')]))).toBe(false);
    expect(
      isTransactionNotSupportedError(
        new Error('Transaction numbers are only allowed on a replica set member or mongos'),
      ),
    ).toBe(false);
    expect(isTransactionNotSupportedError(undefined)).toBe(false);
    expect(isTransactionNotSupportedError('code 20')).toBe(false);
  });

  it('terminates on errors that wrap each other in a cycle', () => {
    const first = new MongoServerError({ ok: 0, errmsg: 'first', code: 1 });
    const second = new MongoServerError({ ok: 0, errmsg: 'second', code: 2, originalError: first });
    first['originalError'] = second;
    first.cause = first;
    expect(isTransactionNotSupportedError(first)).toBe(false);
  });
});

describe('duplicate keys', () => {
  it('isDuplicateKeyError: a server error, a bulk error and a single write error with code 11000', () => {
    const server = new MongoServerError({
      ok: 0,
      errmsg: 'E11000 duplicate key error',
      code: 11000,
    });
    const bulk = bulkWriteErrorOf([duplicateKey(0, 'a')]);
    expect(isDuplicateKeyError(server)).toBe(true);
    expect(isDuplicateKeyError(bulk)).toBe(true);
    expect(isDuplicateKeyError(writeErrorsOf(bulk)[0])).toBe(true);
    expect(isDuplicateKeyError(standaloneTransactionError())).toBe(false);
    expect(isDuplicateKeyError(null)).toBe(false);
  });

  it('writeErrorsOf: one or many, with the index of the operation in the bulk', () => {
    const bulk = bulkWriteErrorOf([duplicateKey(3, 'c'), duplicateKey(1, 'a')]);
    expect(writeErrorsOf(bulk).map((error) => [error.index, error.code])).toEqual([
      [3, 11000],
      [1, 11000],
    ]);
    const single = bulkWriteErrorOf([duplicateKey(0, 'a')]);
    single.writeErrors = writeErrorsOf(single)[0];
    expect(writeErrorsOf(single)).toHaveLength(1);
    expect(writeErrorsOf(bulkWrapping(standaloneTransactionError()))).toEqual([]);
  });
});

describe('isNamespaceNotFoundError', () => {
  it('recognises code 26 and the old "ns not found" message, nothing else', () => {
    expect(
      isNamespaceNotFoundError(
        new MongoServerError({
          ok: 0,
          errmsg: 'ns not found',
          code: 26,
          codeName: 'NamespaceNotFound',
        }),
      ),
    ).toBe(true);
    expect(isNamespaceNotFoundError(new MongoServerError({ ok: 0, errmsg: 'ns not found' }))).toBe(
      true,
    );
    expect(isNamespaceNotFoundError(standaloneTransactionError())).toBe(false);
    expect(isNamespaceNotFoundError(new Error('ns not found'))).toBe(false);
  });
});
