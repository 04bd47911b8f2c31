import { backoffDelay, MAX_BACKOFF_MS, waitFor } from './backoff';
import { linkSignals } from './linked-signal';
import { toMaxCount } from './read-limit';

describe('resubscribe backoff', () => {
  it('starts at 100 ms and doubles up to 5 s', () => {
    expect(Array.from({ length: 9 }, (_, failures) => backoffDelay(failures))).toEqual([
      100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000,
    ]);
    expect(backoffDelay(10_000)).toBe(MAX_BACKOFF_MS);
  });

  it('waits the delay, or stops waiting when the signal aborts', async () => {
    const started = Date.now();
    await waitFor(30, new AbortController().signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);

    const controller = new AbortController();
    const waiting = waitFor(60_000, controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
    await expect(waitFor(60_000, controller.signal)).resolves.toBeUndefined();
  });
});

describe('linked signals', () => {
  it('aborts when any source aborts, and is aborted at once if one already is', () => {
    const a = new AbortController();
    const b = new AbortController();
    const linked = linkSignals([a.signal, undefined, b.signal]);
    expect(linked.signal.aborted).toBe(false);
    b.abort();
    expect(linked.signal.aborted).toBe(true);
    expect(linkSignals([a.signal, b.signal]).signal.aborted).toBe(true);
  });

  it('stops listening to its sources once disposed', () => {
    const source = new AbortController();
    const linked = linkSignals([source.signal]);
    linked.dispose();
    source.abort();
    expect(linked.signal.aborted).toBe(false);
  });
});

describe('read limit', () => {
  it('treats absent or infinite as unlimited, floors fractions, reads nothing for the rest', () => {
    expect(toMaxCount(undefined)).toBe(Infinity);
    expect(toMaxCount(Infinity)).toBe(Infinity);
    expect(toMaxCount(3)).toBe(3);
    expect(toMaxCount(2.7)).toBe(2);
    expect(toMaxCount(0)).toBe(0);
    expect(toMaxCount(-4)).toBe(0);
    expect(toMaxCount(NaN)).toBe(0);
    expect(toMaxCount(-Infinity)).toBe(0);
  });
});
