import { createPipeline, openDeal } from '../support/crm-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { eventually } from '../support/webhook-receiver';

/** A clock the suite moves on by hand, as timers see it. */
export type TestClock = { now: () => Date; advance: (ms: number) => void };

export const testClock = (start = '2026-03-02T09:00:00.000Z'): TestClock => {
  let now = new Date(start);
  return { now: () => now, advance: (ms) => (now = new Date(now.getTime() + ms)) };
};

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The API with its processes (rules, timers) running, on the test clock. */
export const startAutomationApp = (clock: TestClock): Promise<TestApp> =>
  startTestApp(
    { CRM_RUN_PROCESSES: 'true', CRM_AUTOMATION_TIMER_POLL_MS: '20' },
    undefined,
    clock.now,
  );

export type Run = {
  outcome: string;
  command: string | null;
  recordId: string | null;
  actionIndex: number;
  reason: string | null;
  errorCode: string | null;
  dueAt: string | null;
  trigger: { eventId: string; streamName: string };
  /** The run's own position: after the events of the command it records. */
  position: string;
};

/** The rule's runs once there are at least `count` (that are not `scheduled`, if so told). */
export const runsOf = async (
  t: TestApp,
  ruleId: string,
  count: number,
  options: { settled?: boolean; timeoutMs?: number } = {},
): Promise<Run[]> =>
  eventually(async () => {
    const { body } = await t.http().get(`/automation/rules/${ruleId}/runs`).expect(200);
    const runs = body.runs as Run[];
    const counted = options.settled ? runs.filter((r) => r.outcome !== 'scheduled') : runs;
    return counted.length >= count ? runs : undefined;
  }, options.timeoutMs ?? 10_000);

export const defineRule = async (t: TestApp, rule: object): Promise<string> =>
  ((await t.http().post('/automation/rules').send(rule).expect(201)).body as { id: string }).id;

export const dealInPipeline = async (
  t: TestApp,
  body: Record<string, unknown> = {},
): Promise<string> => openDeal(t, await createPipeline(t), body);
