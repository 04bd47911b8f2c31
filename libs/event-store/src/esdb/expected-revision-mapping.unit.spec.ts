import { ANY, NO_STREAM, STREAM_EXISTS } from '@eventstore/db-client';
import { ExpectedRevision } from '../expected-revision';
import {
  fromClientCurrentRevision,
  fromClientExpectedRevision,
  toClientExpectedRevision,
} from './expected-revision-mapping';

describe('expected revision mapping', () => {
  it.each([
    ['any', ANY],
    ['no_stream', NO_STREAM],
    ['stream_exists', STREAM_EXISTS],
  ] as const)("maps '%s' to the client's constant", (port, client) => {
    expect(toClientExpectedRevision(port)).toBe(client);
  });

  it('passes exact revisions through as bigints', () => {
    expect(toClientExpectedRevision(0n)).toBe(0n);
    expect(toClientExpectedRevision(41n)).toBe(41n);
  });

  it("maps the client's constants and revisions back", () => {
    const all: ExpectedRevision[] = ['any', 'no_stream', 'stream_exists', 0n, 7n];
    for (const expected of all) {
      expect(fromClientExpectedRevision(toClientExpectedRevision(expected))).toBe(expected);
    }
  });

  it("reads the client's current revision, an absent stream as 'no_stream'", () => {
    expect(fromClientCurrentRevision(NO_STREAM)).toBe('no_stream');
    expect(fromClientCurrentRevision(-1n)).toBe('no_stream');
    expect(fromClientCurrentRevision(0n)).toBe(0n);
    expect(fromClientCurrentRevision(12n)).toBe(12n);
  });
});
