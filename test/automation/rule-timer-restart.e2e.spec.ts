import { loadConfig } from '@crm/application';
import { createSqliteEventStore } from '@crm/event-store';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { mintToken, TEST_AUTH_ENV } from '../support/credentials';
import { TENANT } from '../support/test-app';
import { eventually } from '../support/webhook-receiver';
import { testClock } from './automation-app';

/** The API on files in `dir`, as `npm start` runs it, on the test clock. */
const startOn = (dir: string, clock: () => Date): Promise<NestFastifyApplication> =>
  createApp({
    config: loadConfig({ ...TEST_AUTH_ENV, CRM_DATA_DIR: dir, CRM_AUTOMATION_TIMER_POLL_MS: '20' }),
    logger: false,
    clock,
  });

const as = (app: NestFastifyApplication) =>
  request
    .agent(app.getHttpServer())
    .set(
      'authorization',
      `Bearer ${mintToken({ sub: 'user-1', tenant: TENANT, roles: ['admin'] })}`,
    );

describe('a delayed action across a restart', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-rule-timer-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fires once after the next start when it fell due while the API was down', async () => {
    const clock = testClock();
    let app = await startOn(dir, clock.now);
    const { body: rule } = await as(app)
      .post('/automation/rules')
      .send({
        name: 'Cancel tasks left two hours',
        trigger: { eventType: 'TaskScheduled' },
        delay: { after: 'PT2H' },
        actions: [
          {
            command: 'CancelTask',
            data: { taskId: '{{event.data.taskId}}', reason: 'left two hours' },
          },
        ],
      })
      .expect(201);
    let task: { id: string };
    try {
      ({ body: task } = await as(app)
        .post('/tasks')
        .send({ title: 'Call back', dueAt: '2026-03-05T09:00:00Z', assigneeId: 'rep-1' })
        .expect(201));
      await eventually(async () => {
        const { body } = await as(app).get(`/automation/rules/${rule.id}/runs`).expect(200);
        return body.runs.length === 1 ? true : undefined;
      });
    } finally {
      await app.close();
    }

    clock.advance(3 * 60 * 60 * 1000);
    app = await startOn(dir, clock.now);
    try {
      const runs = await eventually(async () => {
        const { body } = await as(app).get(`/automation/rules/${rule.id}/runs`).expect(200);
        return body.runs.length >= 2 ? body.runs : undefined;
      });
      expect(runs.map((r: { outcome: string }) => r.outcome)).toEqual(['scheduled', 'done']);
    } finally {
      await app.close();
    }
    // A third start has nothing left to fire.
    app = await startOn(dir, clock.now);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await app.close();
    const store = createSqliteEventStore({ path: join(dir, 'events.sqlite') });
    const events = await store.readStream(`task-${TENANT}.${task.id}`);
    const runs = await store.readStream(`crmprocess-automation-runs.${rule.id}`);
    await store.close();
    expect(events.map((e) => e.type.split('.')[0])).toEqual(['TaskScheduled', 'TaskCancelled']);
    expect(runs).toHaveLength(2);
  });
});
