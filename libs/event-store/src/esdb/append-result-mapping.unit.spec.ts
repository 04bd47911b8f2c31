import { AppendResult } from '@eventstore/db-client';
import { fromClientAppendResult } from './append-result-mapping';

describe('client append result mapping', () => {
  it("reports the stream's revision and the last event's commit position", () => {
    const result: AppendResult = {
      success: true,
      nextExpectedRevision: 4n,
      position: { commit: 3_700n, prepare: 3_700n },
    };
    expect(fromClientAppendResult(result)).toEqual({ nextRevision: 4n, position: 3_700n });
  });

  it('leaves the position to be read when the server reported none', () => {
    const result: AppendResult = { success: true, nextExpectedRevision: 0n, position: undefined };
    expect(fromClientAppendResult(result)).toEqual({ nextRevision: 0n, position: undefined });
  });

  it('a failure answered without throwing is a conflict, its revision not trusted', () => {
    // What client 6.2.1's batch append answers for any stream: BigInt(true).
    const answered: AppendResult = {
      success: false,
      nextExpectedRevision: 1n,
      position: undefined,
    };
    expect(fromClientAppendResult(answered)).toBe('conflict');
  });
});
