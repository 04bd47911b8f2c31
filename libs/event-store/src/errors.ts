import { ActualRevision, ExpectedRevision } from './expected-revision';

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    readonly actual: ActualRevision,
  ) {
    super(`stream ${streamName}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Some, but not all, of the appended event ids are already stored: not a clean repeat. */
export class PartialDuplicateAppendError extends Error {
  constructor(
    readonly streamName: string,
    readonly duplicateIds: string[],
  ) {
    super(`stream ${streamName}: events ${duplicateIds.join(', ')} are already stored`);
    this.name = 'PartialDuplicateAppendError';
  }
}
