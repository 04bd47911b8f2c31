import {
  StreamDeletedError as ClientStreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { StreamDeletedError, WrongExpectedRevisionError } from '../errors';
import { ExpectedRevision } from '../expected-revision';
import { fromClientCurrentRevision, fromClientExpectedRevision } from './expected-revision-mapping';

/**
 * A client error as the port's error: a WrongExpectedVersionError becomes a
 * WrongExpectedRevisionError carrying the stream's actual revision. The expected revision is
 * the caller's own value when given (the port promises to echo it), else the client's.
 * A deleted (tombstoned) stream is the port's StreamDeletedError. Any other error is returned
 * unchanged.
 */
export const toPortError = (
  error: unknown,
  streamName: string,
  expected?: ExpectedRevision,
): unknown => {
  if (error instanceof WrongExpectedVersionError) {
    return new WrongExpectedRevisionError(
      streamName,
      expected ?? fromClientExpectedRevision(error.expectedVersion),
      fromClientCurrentRevision(error.actualVersion),
    );
  }
  if (error instanceof ClientStreamDeletedError) {
    return new StreamDeletedError(error.streamName || streamName);
  }
  return error;
};

/** Reading a stream that has no events: the port reads it as an empty list. */
export const isStreamNotFound = (error: unknown): boolean => error instanceof StreamNotFoundError;
