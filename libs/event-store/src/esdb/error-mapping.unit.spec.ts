import {
  AccessDeniedError,
  NO_STREAM,
  STREAM_EXISTS,
  StreamDeletedError as ClientStreamDeletedError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import { StreamDeletedError, WrongExpectedRevisionError } from '../errors';
import { isStreamNotFound, toPortError } from './error-mapping';

type ProtoEmpty = NonNullable<Parameters<WrongExpectedVersion['setExpectedNoStream']>[0]>;
const { Empty } = jest.requireActual<{ Empty: new () => ProtoEmpty }>(
  'google-protobuf/google/protobuf/empty_pb',
);

const asPortError = (error: unknown): WrongExpectedRevisionError => {
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  return error as WrongExpectedRevisionError;
};

describe('client error mapping', () => {
  it('maps WrongExpectedVersionError to WrongExpectedRevisionError with the actual revision', () => {
    const clientError = new WrongExpectedVersionError(undefined, {
      streamName: 'customer-1',
      expected: 1n,
      current: 2n,
    });
    const mapped = asPortError(toPortError(clientError, 'customer-1', 1n));
    expect(mapped.streamName).toBe('customer-1');
    expect(mapped.expected).toBe(1n);
    expect(mapped.actual).toBe(2n);
  });

  it("maps an absent stream to 'no_stream', however the client reports it", () => {
    for (const current of [NO_STREAM, -1n] as const) {
      const clientError = new WrongExpectedVersionError(undefined, {
        streamName: 's',
        expected: STREAM_EXISTS,
        current,
      });
      expect(asPortError(toPortError(clientError, 's', 'stream_exists')).actual).toBe('no_stream');
    }
  });

  it('echoes the caller’s expected revision, else the one the client reports', () => {
    const clientError = new WrongExpectedVersionError(undefined, {
      streamName: 's',
      expected: NO_STREAM,
      current: 0n,
    });
    expect(asPortError(toPortError(clientError, 's', 'no_stream')).expected).toBe('no_stream');
    expect(asPortError(toPortError(clientError, 's')).expected).toBe('no_stream');
  });

  it('maps the error the client builds from a batch-append WrongExpectedVersion answer', () => {
    const absent = new WrongExpectedVersion();
    absent.setCurrentNoStream(new Empty());
    absent.setExpectedStreamPosition('0');
    const onAbsent = WrongExpectedVersionError.fromWrongExpectedVersion(absent, 'a');
    expect(asPortError(toPortError(onAbsent, 'a', 0n))).toMatchObject({
      streamName: 'a',
      expected: 0n,
      actual: 'no_stream',
    });

    const existing = new WrongExpectedVersion();
    existing.setCurrentStreamRevision('4');
    existing.setExpectedNoStream(new Empty());
    const onExisting = WrongExpectedVersionError.fromWrongExpectedVersion(existing, 'b');
    expect(asPortError(toPortError(onExisting, 'b'))).toMatchObject({
      expected: 'no_stream',
      actual: 4n,
    });
  });

  it('returns any other error unchanged', () => {
    const unavailable = new UnavailableError();
    const denied = new AccessDeniedError();
    const plain = new Error('boom');
    expect(toPortError(unavailable, 's', 'any')).toBe(unavailable);
    expect(toPortError(denied, 's', 'any')).toBe(denied);
    expect(toPortError(plain, 's', 'any')).toBe(plain);
    expect(toPortError('text', 's', 'any')).toBe('text');
  });

  it('recognises StreamNotFoundError only', () => {
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 'missing'))).toBe(true);
    expect(isStreamNotFound(new UnavailableError())).toBe(false);
    expect(isStreamNotFound(new Error('stream not found'))).toBe(false);
    expect(isStreamNotFound(undefined)).toBe(false);
  });

  it("maps a deleted (tombstoned) stream to the port's StreamDeletedError, naming it", () => {
    const mapped = toPortError(ClientStreamDeletedError.fromStreamName('customer-9'), 'customer-9');
    expect(mapped).toBeInstanceOf(StreamDeletedError);
    expect(mapped).toMatchObject({ streamName: 'customer-9' });
  });
});
