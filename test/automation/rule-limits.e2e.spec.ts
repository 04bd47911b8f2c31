import { MAX_RULE_DEPTH } from '@crm/application';
import { TestApp } from '../support/test-app';
import { defineRule, runsOf, startAutomationApp, testClock } from './automation-app';

describe('a chain of rules triggering rules', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startAutomationApp(testClock());
  });
  afterAll(() => t.close());

  it('stops at the causation depth limit and parks the stopped action with its reason', async () => {
    // Every task it schedules is a TaskScheduled that triggers it again.
    const ruleId = await defineRule(t, {
      name: 'A follow-up for every task',
      trigger: { eventType: 'TaskScheduled' },
      actions: [
        {
          command: 'ScheduleTask',
          data: {
            title: 'Follow up: {{event.data.title}}',
            dueAt: '{{event.data.dueAt + P1D}}',
            assigneeId: 'rep-1',
          },
        },
      ],
    });
    const dueAt = new Date(Date.parse('2026-04-01T09:00:00Z')).toISOString();
    await t.http().post('/tasks').send({ title: 'Call', dueAt, assigneeId: 'rep-1' }).expect(201);
    const runs = await runsOf(t, ruleId, MAX_RULE_DEPTH + 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const settled = await runsOf(t, ruleId, MAX_RULE_DEPTH + 1);
    expect(settled).toHaveLength(runs.length);
    expect(settled.map((r) => r.outcome)).toEqual([
      ...Array.from({ length: MAX_RULE_DEPTH }, () => 'done'),
      'parked',
    ]);
    expect(settled[MAX_RULE_DEPTH]).toMatchObject({
      errorCode: 'RULE_DEPTH_EXCEEDED',
      reason: expect.stringContaining(`limit of ${MAX_RULE_DEPTH}`),
    });
    const { body: tasks } = await t
      .http()
      .get(`/tasks?minPosition=${await t.head()}`)
      .expect(200);
    expect(tasks.items ?? tasks.tasks).toHaveLength(MAX_RULE_DEPTH + 1);
  });
});
