/** What an append expects of its stream; a mismatch is a WrongExpectedRevisionError. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export const ANY: ExpectedRevision = 'any';
export const NO_STREAM: ExpectedRevision = 'no_stream';
export const STREAM_EXISTS: ExpectedRevision = 'stream_exists';

/** The stream's actual revision: its last event's revision, or 'no_stream' when it has none. */
export type ActualRevision = bigint | 'no_stream';

export const matchesExpectedRevision = (
  expected: ExpectedRevision,
  actual: ActualRevision,
): boolean => {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === 'no_stream';
  if (expected === 'stream_exists') return actual !== 'no_stream';
  return actual === expected;
};
