import { AppendResult as ClientAppendResult } from '@eventstore/db-client';
import { WrongExpectedRevisionError } from '../errors';
import { ExpectedRevision } from '../expected-revision';
import { fromClientCurrentRevision } from './expected-revision-mapping';
import { fromAppendPosition } from './position';

export type AppendOutcome = {
  nextRevision: bigint;
  /** Undefined when the server reported no usable position: read it from the stream. */
  position: bigint | undefined;
};

/**
 * The client's append result as the port's. A client built with `throwOnAppendFailure: false`
 * resolves a failed expectation as `success: false` with the stream's revision (-1 for none)
 * instead of throwing; that is the same WrongExpectedRevisionError.
 */
export const fromClientAppendResult = (
  result: ClientAppendResult,
  streamName: string,
  expected: ExpectedRevision,
): AppendOutcome => {
  if (!result.success) {
    throw new WrongExpectedRevisionError(
      streamName,
      expected,
      fromClientCurrentRevision(result.nextExpectedRevision),
    );
  }
  return {
    nextRevision: result.nextExpectedRevision,
    position: fromAppendPosition(result.position),
  };
};
