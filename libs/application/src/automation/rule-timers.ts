import { EventStore } from '@crm/event-store';
import { deterministicId } from '../deterministic-id';
import { RuleTriggerRef } from './rule-runs';

/**
 * Delayed actions, durable: each is a timer event in one process stream, and a later event says
 * it fired. What is pending is read back from the stream (on start, then as it grows), so a
 * timer set before a crash or a stop fires after the next start.
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

/** The timers set and not yet fired, read on from where the last read stopped. */
export class PendingTimers {
  private readonly pending = new Map<string, RuleTimer>();
  private readonly fired = new Set<string>();
  private nextRevision = 0n;

  constructor(private readonly store: EventStore) {}

  async refresh(): Promise<void> {
    const events = await this.store.readStream(TIMER_STREAM, { fromRevision: this.nextRevision });
    for (const event of events) {
      this.nextRevision = event.revision + 1n;
      const timerId = String(event.data.timerId);
      if (event.type === TIMER_FIRED) {
        this.fired.add(timerId);
        this.pending.delete(timerId);
      } else if (event.type === TIMER_SET && !this.fired.has(timerId)) {
        this.pending.set(timerId, event.data as unknown as RuleTimer);
      }
    }
  }

  /** The timers due at `now`, earliest first. */
  due(now: Date): RuleTimer[] {
    return [...this.pending.values()]
      .filter((timer) => Date.parse(timer.dueAt) <= now.getTime())
      .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  }

  size(): number {
    return this.pending.size;
  }
}
