import { decodeTimelineCursor, encodeTimelineCursor } from './timeline-cursor';

describe('timeline cursor', () => {
  it('round-trips and is URL-safe', () => {
    const cursor = { occurredAt: '2026-02-01T12:00:00.000Z', position: 42 };
    const text = encodeTimelineCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeTimelineCursor(text)).toEqual(cursor);
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'a b'],
    ['not JSON', Buffer.from('{oops').toString('base64url')],
    ['an object', Buffer.from('{"o":"2026-01-01","p":1}').toString('base64url')],
    ['no date', Buffer.from('["yesterday",1]').toString('base64url')],
    ['a negative position', Buffer.from('["2026-01-01T00:00:00Z",-1]').toString('base64url')],
    ['a fractional position', Buffer.from('["2026-01-01T00:00:00Z",1.5]').toString('base64url')],
    ['too long', 'a'.repeat(201)],
  ])('refuses %s', (_case, text) => {
    expect(decodeTimelineCursor(text)).toBeUndefined();
  });
});
