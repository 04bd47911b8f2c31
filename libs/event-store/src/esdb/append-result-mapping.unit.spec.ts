import { AppendResult } from '@eventstore/db-client';
import { WrongExpectedRevisionError } from '../errors';
import { fromClientAppendResult } from './append-result-mapping';

describe('client append result mapping', () => {
  it("reports the stream's revision and the last event's commit position", () => {
    const result: AppendResult = {
      success: true,
      nextExpectedRevision: 4n,
      position: { commit: 3_700n, prepare: 3_700n },
    };
    expect(fromClientAppendResult(result, 's', 'any')).toEqual({
      nextRevision: 4n,
      position: 3_700n,
    });
  });

  it('leaves the position to be read when the server reported none', () => {
    const result: AppendResult = { success: true, nextExpectedRevision: 0n, position: undefined };
    expect(fromClientAppendResult(result, 's', 'no_stream')).toEqual({
      nextRevision: 0n,
      position: undefined,
    });
  });

  it('turns a failure reported without throwing into WrongExpectedRevisionError', () => {
    const onExisting: AppendResult = {
      success: false,
      nextExpectedRevision: 2n,
      position: undefined,
    };
    expect(() => fromClientAppendResult(onExisting, 's', 0n)).toThrow(WrongExpectedRevisionError);
    try {
      fromClientAppendResult(onExisting, 's', 0n);
    } catch (error) {
      expect(error).toMatchObject({ streamName: 's', expected: 0n, actual: 2n });
    }
    const onAbsent: AppendResult = {
      success: false,
      nextExpectedRevision: -1n,
      position: undefined,
    };
    expect(() => fromClientAppendResult(onAbsent, 's', 'stream_exists')).toThrow(
      expect.objectContaining({ actual: 'no_stream' }),
    );
  });
});
