import {
  ANY,
  AppendExpectedRevision,
  CurrentRevision,
  NO_STREAM,
  STREAM_EXISTS,
} from '@eventstore/db-client';
import { ActualRevision, ExpectedRevision } from '../expected-revision';

/** The port's expected revision as the client's constant (bigint revisions pass through). */
export const toClientExpectedRevision = (expected: ExpectedRevision): AppendExpectedRevision => {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected;
  }
};

/** The client's expected revision (as echoed in its errors) back to the port's. */
export const fromClientExpectedRevision = (expected: AppendExpectedRevision): ExpectedRevision => {
  switch (expected) {
    case ANY:
      return 'any';
    case NO_STREAM:
      return 'no_stream';
    case STREAM_EXISTS:
      return 'stream_exists';
    default:
      return expected;
  }
};

/**
 * The stream's actual revision as the server reports it: 'no_stream' when it has no events.
 * Some client paths report an absent stream as the number -1 rather than the constant.
 */
export const fromClientCurrentRevision = (current: CurrentRevision): ActualRevision =>
  current === NO_STREAM || current < 0n ? 'no_stream' : current;
