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

/** An event the store cannot write as given (an id it cannot store, data JSON cannot represent). */
export class EventNotAppendableError extends Error {
  constructor(
    readonly eventId: string,
    readonly eventType: string,
    readonly reason: string,
  ) {
    super(`event ${eventId} (${eventType}) cannot be appended: ${reason}`);
    this.name = 'EventNotAppendableError';
  }
}

/** The stream was deleted for good (tombstoned): it can be neither read nor appended to again. */
export class StreamDeletedError extends Error {
  constructor(readonly streamName: string) {
    super(`stream ${streamName} has been deleted`);
    this.name = 'StreamDeletedError';
  }
}

/**
 * A subscription ended by an error no retry can cure (access denied, an invalid request): the
 * consumer fails and says why, instead of the subscription retrying for ever.
 */
export class SubscriptionFailedError extends Error {
  constructor(override readonly cause: unknown) {
    super(
      `subscription to the log failed for good: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`,
    );
    this.name = 'SubscriptionFailedError';
  }
}
