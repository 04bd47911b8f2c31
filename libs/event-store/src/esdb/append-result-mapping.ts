import { AppendResult as ClientAppendResult } from '@eventstore/db-client';
import { fromAppendPosition } from './position';

export type AppendOutcome = {
  nextRevision: bigint;
  /** Undefined when the server reported no usable position: read it from the stream. */
  position: bigint | undefined;
};

/**
 * The client's append result: the outcome, or 'conflict' when a client built with
 * `throwOnAppendFailure: false` answers a failed expectation with `success: false`. Its
 * `nextExpectedRevision` is then not trusted (client 6.2.1's batch append reports
 * `BigInt(hasCurrentStreamRevision())`, that is 1, whatever the stream holds): the caller reads
 * the actual revision from the stream.
 */
export const fromClientAppendResult = (result: ClientAppendResult): AppendOutcome | 'conflict' => {
  if (!result.success) return 'conflict';
  return {
    nextRevision: result.nextExpectedRevision,
    position: fromAppendPosition(result.position),
  };
};
