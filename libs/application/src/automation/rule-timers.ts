import { EventStore } from '@crm/event-store';
import { deterministicId } from '../deterministic-id';
import { RuleTriggerRef } from './rule-runs';

/**
 * Delayed actions, durable: each is a timer event in one process stream, and a later event says
 * it fired. What is pending is read back from the stream (on start, then as it grows, a window
 * ahead of the clock at a time), so a timer set before a crash or a stop fires after the next
 * start.
 */
export const TIMER_STREAM = 'crmprocess-automation-timers';
const TIMER_SET = 'AutomationTimerSet.v1';
const TIMER_FIRED = 'AutomationTimerFired.v1';

export type RuleTimer = {
  timerId: string;
  tenantId: string;
  ruleId: string;
  version: number;
  actionIndex: number;
  dueAt: string;
  trigger: RuleTriggerRef;
};

export const timerIdFor = (
  ruleId: string,
  version: number,
  eventId: string,
  actionIndex: number,
): string => deterministicId('rule-timer', ruleId, String(version), eventId, String(actionIndex));

/** Sets the timer; setting it again (a replay after a crash) appends nothing. */
export const setTimer = async (store: EventStore, timer: RuleTimer): Promise<void> => {
  await store.appendToStream(TIMER_STREAM, [
    { id: timer.timerId, type: TIMER_SET, data: timer, metadata: {} },
  ]);
};

export const markTimerFired = async (
  store: EventStore,
  timerId: string,
  at: Date,
): Promise<void> => {
  await store.appendToStream(TIMER_STREAM, [
    {
      id: deterministicId('rule-timer-fired', timerId),
      type: TIMER_FIRED,
      data: { timerId, firedAt: at.toISOString() },
      metadata: {},
    },
  ]);
};

/** Timer events read per page while the stream is scanned for the next window. */
const SCAN_PAGE = 1000;
/** Timers due further ahead than this are left in the log until the window reaches them. */
export const DEFAULT_TIMER_WINDOW_MS = 60 * 60 * 1000;

/**
 * The timers set and not yet fired that fall due within the window (now + `windowMs`), read on
 * from where the last read stopped: memory holds the next window's timers, not every timer ever
 * set. Once the clock passes the window's end the stream is scanned again, page by page, for
 * the next window (a set timer is dropped again when its fired event follows it), so a timer
 * due beyond the window is loaded before it falls due.
 */
export class PendingTimers {
  private pending = new Map<string, RuleTimer>();
  private nextRevision = 0n;
  private windowEnd = -Infinity;

  constructor(
    private readonly store: EventStore,
    private readonly windowMs = DEFAULT_TIMER_WINDOW_MS,
  ) {}

  async refresh(now: Date): Promise<void> {
    if (now.getTime() >= this.windowEnd) {
      this.pending = new Map();
      this.nextRevision = 0n;
      this.windowEnd = now.getTime() + this.windowMs;
    }
    for (;;) {
      const events = await this.store.readStream(TIMER_STREAM, {
        fromRevision: this.nextRevision,
        maxCount: SCAN_PAGE,
      });
      for (const event of events) {
        this.nextRevision = event.revision + 1n;
        const timerId = String(event.data.timerId);
        if (event.type === TIMER_FIRED) this.pending.delete(timerId);
        else if (event.type === TIMER_SET && this.inWindow(event.data.dueAt)) {
          this.pending.set(timerId, event.data as unknown as RuleTimer);
        }
      }
      if (events.length < SCAN_PAGE) return;
    }
  }

  /** The timers due at `now`, earliest first. */
  due(now: Date): RuleTimer[] {
    return [...this.pending.values()]
      .filter((timer) => Date.parse(timer.dueAt) <= now.getTime())
      .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  }

  /** The pending timers held in memory: those due within the window. */
  size(): number {
    return this.pending.size;
  }

  private inWindow(dueAt: unknown): boolean {
    return Date.parse(String(dueAt)) < this.windowEnd;
  }
}
