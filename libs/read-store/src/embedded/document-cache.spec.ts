import { DocumentCache } from './document-cache';

describe('DocumentCache', () => {
  const cached = (json: string) => ({ json, entries: new Map() });

  it('stays within its byte budget, evicting the least recently used first', () => {
    const cache = new DocumentCache(2000);
    for (let i = 0; i < 100; i += 1) cache.set(`c\u0000${i}`, cached('x'.repeat(300)));
    expect(cache.size.bytes).toBeLessThanOrEqual(2000);
    expect(cache.size.documents).toBeGreaterThan(0);
    expect(cache.get('c\u00000')).toBeUndefined();
    expect(cache.get('c\u000099')?.json).toHaveLength(300);
  });

  it('keeps what was read recently and forgets a dropped collection', () => {
    // 164 bytes for each `a` entry, 183 for each `b` one: the fourth `b` evicts one entry.
    const cache = new DocumentCache(900);
    cache.set('a\u00001', cached('1'));
    cache.set('a\u00002', cached('2'));
    cache.get('a\u00001');
    for (let i = 0; i < 4; i += 1) cache.set(`b\u0000${i}`, cached('y'.repeat(20)));
    expect(cache.get('a\u00002')).toBeUndefined();
    expect(cache.get('a\u00001')).toBeDefined();
    cache.deleteCollection('a');
    expect(cache.get('a\u00001')).toBeUndefined();
    expect(cache.get('b\u00003')).toBeDefined();
  });

  it('does not keep a document larger than the whole budget', () => {
    const cache = new DocumentCache(500);
    cache.set('c\u0000big', cached('z'.repeat(1000)));
    expect(cache.get('c\u0000big')).toBeUndefined();
    expect(cache.size.bytes).toBe(0);
  });
});
