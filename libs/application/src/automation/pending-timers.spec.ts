import { createSqliteEventStore } from '@crm/event-store';
import { markTimerFired, PendingTimers, RuleTimer, setTimer } from './rule-timers';

const HOUR = 60 * 60 * 1000;
const start = Date.parse('2026-03-02T09:00:00.000Z');
const at = (ms: number) => new Date(start + ms);

const timer = (timerId: string, dueInMs: number): RuleTimer => ({
  timerId,
  tenantId: 'acme',
  ruleId: 'rule_1',
  version: 1,
  actionIndex: 0,
  dueAt: at(dueInMs).toISOString(),
  trigger: { eventId: timerId, eventType: 'TaskScheduled.v1', streamName: 's', position: '1' },
});

describe('PendingTimers', () => {
  it('holds only the next window of timers, and loads the later ones once the clock gets there', async () => {
    const store = createSqliteEventStore({ path: ':memory:' });
    await setTimer(store, timer('soon', 60_000));
    await setTimer(store, timer('later', 2 * HOUR));
    await setTimer(store, timer('next-week', 7 * 24 * HOUR));
    const timers = new PendingTimers(store, HOUR);

    await timers.refresh(at(0));
    expect(timers.size()).toBe(1);
    expect(timers.due(at(2 * 60_000)).map((t) => t.timerId)).toEqual(['soon']);

    // Set while the window runs: kept if it falls within it.
    await setTimer(store, timer('in-window', 30 * 60_000));
    await markTimerFired(store, 'soon', at(2 * 60_000));
    await timers.refresh(at(3 * 60_000));
    expect(timers.due(at(HOUR - 1)).map((t) => t.timerId)).toEqual(['in-window']);

    // Past the window's end: the next window, without the ones that fired.
    await timers.refresh(at(2 * HOUR));
    expect(timers.due(at(2 * HOUR)).map((t) => t.timerId)).toEqual(['in-window', 'later']);
    expect(timers.size()).toBe(2);

    await timers.refresh(at(7 * 24 * HOUR));
    expect(timers.due(at(7 * 24 * HOUR)).map((t) => t.timerId)).toEqual([
      'in-window',
      'later',
      'next-week',
    ]);
    await store.close();
  });
});
