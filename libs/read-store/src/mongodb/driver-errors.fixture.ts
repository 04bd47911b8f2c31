import type {
  BulkWriteResult,
  Document as BsonDocument,
  WriteConcernError,
  WriteError,
} from 'mongodb';
import { MongoBulkWriteError, MongoServerError } from 'mongodb';

/**
 * Driver errors built the way the driver builds them (see node_modules/mongodb/src/bulk/common.ts
 * and operations/execute_operation.ts), for unit tests of the error mapping. No server involved.
 */

export const STANDALONE_TRANSACTION_REPLY = {
  ok: 0,
  errmsg: 'Transaction numbers are only allowed on a replica set member or mongos',
  code: 20,
  codeName: 'IllegalOperation',
};

/** What a standalone server answers to a command carrying a transaction number. */
export const standaloneTransactionError = (): MongoServerError =>
  new MongoServerError({ ...STANDALONE_TRANSACTION_REPLY });

const RETRYABLE_WRITES_MESSAGE =
  'This MongoDB deployment does not support retryable writes. Please add retryWrites=false to your connection string.';

/** executeOperation rethrows a write's code-20 error like this, the server's error as `originalError`. */
export const retryableWritesWrapper = (originalError: MongoServerError): MongoServerError =>
  new MongoServerError({
    message: RETRYABLE_WRITES_MESSAGE,
    errmsg: RETRYABLE_WRITES_MESSAGE,
    originalError,
  });

type DriverBulkClasses = {
  BulkWriteResult: typeof BulkWriteResult;
  WriteConcernError: typeof WriteConcernError;
  WriteError: typeof WriteError;
};

// The driver exports these classes as types only (mongodb.d.ts declares them, lib/index.js does
// not export them); its errors hold instances of them, so the fixtures use the real ones.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const driver = require('mongodb/lib/bulk/common') as DriverBulkClasses;

type RawWriteError = { index: number; code: number; errmsg: string; op: BsonDocument };

/** BulkWriteResult's constructor is internal (absent from the typings); the driver calls it so. */
const bulkWriteResult = (
  writeErrors: WriteError[],
  writeConcernErrors: WriteConcernError[] = [],
): BulkWriteResult =>
  Reflect.construct(driver.BulkWriteResult, [
    {
      ok: 1,
      writeErrors,
      writeConcernErrors,
      insertedIds: [],
      nInserted: 0,
      nUpserted: 0,
      nMatched: 0,
      nModified: 0,
      nRemoved: 0,
      upserted: [],
    },
    false,
  ]) as BulkWriteResult;

export const writeError = (raw: RawWriteError): WriteError =>
  new driver.WriteError({ errInfo: {}, ...raw });

export const duplicateKey = (index: number, id: string): RawWriteError => ({
  index,
  code: 11000,
  errmsg: `E11000 duplicate key error collection: crm.contacts index: _id_ dup key: { _id: "${id}" }`,
  op: { q: { _id: id }, u: { _id: id }, upsert: true },
});

/** BulkOperationBase.handleWriteError: the first write error's message and code, all of them listed. */
export const bulkWriteErrorOf = (
  raws: RawWriteError[],
  writeConcernErrors: WriteConcernError[] = [],
): MongoBulkWriteError => {
  const writeErrors = raws.map(writeError);
  return new MongoBulkWriteError(
    {
      message: writeErrors[0].errmsg ?? 'write operation failed',
      code: writeErrors[0].code,
      writeErrors,
    },
    bulkWriteResult(writeErrors, writeConcernErrors),
  );
};

export const writeConcernError = (): WriteConcernError =>
  new driver.WriteConcernError({ code: 64, errmsg: 'waiting for replication timed out' });

/** A bulk write whose writes all succeeded but whose write concern failed. */
export const writeConcernBulkError = (): MongoBulkWriteError => {
  const concern = writeConcernError();
  return new MongoBulkWriteError(concern, bulkWriteResult([], [concern]));
};

/** executeCommands: a command-level failure during a bulk write is wrapped as is. */
export const bulkWrapping = (error: MongoServerError): MongoBulkWriteError =>
  new MongoBulkWriteError(error, bulkWriteResult([]));
