import {
  CommandResult,
  decayRequest,
  ExecuteDomainCommand,
  LeadDecayTimer,
  loadConfig,
  ProcessManagers,
  ReadYourWrites,
} from '@crm/application';
import { LeadDocument } from '@crm/projections';
import { CommandBus } from '@nestjs/cqrs';
import { createSqliteEventStore } from '@crm/event-store';
import { createEmbeddedDocumentStore } from '@crm/read-store';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { mintToken, TEST_AUTH_ENV } from '../../../../test/support/credentials';
import { fieldsOf } from '../../../../test/support/crm-fixtures';
import { TEST_SECRETS_KEY } from '../../../../test/support/test-app';
import { createApp } from '../create-app';

const TENANT = 'acme';
const DAY = 86_400_000;
const CALLED_AT = '2026-03-03T10:00:00.000Z';
const MODEL = {
  fitRules: [
    { id: 'webinar', attribute: 'source', operator: 'equals', value: 'webinar', points: 10 },
  ],
  engagementRules: [{ id: 'called', kind: 'call-logged', points: 15 }],
  threshold: 100,
  decay: { points: 4, every: 'P1D' },
};

/** The API over stores on disk, with a clock the test moves; stopping it and starting another is a restart. */
const startApp = async (dir: string, clock: () => Date) => {
  const store = createSqliteEventStore({ path: join(dir, 'events.sqlite') });
  const app = await createApp({
    // Checked at the start, then only when the test asks.
    config: loadConfig({
      ...TEST_AUTH_ENV,
      CRM_SECRETS_KEY: TEST_SECRETS_KEY,
      CRM_RUN_PROCESSES: 'true',
      CRM_DECAY_CHECK_INTERVAL_MS: '3600000',
      CRM_SLA_CHECK_INTERVAL_MS: '3600000',
      CRM_RATE_LIMIT_PER_MINUTE: '1000000',
      CRM_DATA_DIR: dir,
    }),
    eventStore: store,
    documentStore: createEmbeddedDocumentStore({ path: join(dir, 'readmodels.sqlite') }),
    clock,
    logger: false,
  });
  return { app, store };
};

/** What the model gives the lead after `days` without engagement, worked out here. */
const expectedAfter = (days: number) => {
  const decayed = Math.min(Math.floor(days) * MODEL.decay.points, 15);
  return {
    score: 10 + 15 - decayed,
    rules: [
      { rule: 'webinar', points: 10 },
      { rule: 'called', points: 15 },
      ...(decayed > 0 ? [{ rule: 'decay', points: -decayed }] : []),
    ],
  };
};

describe('lead scoring: decay', () => {
  let dir: string;
  let now: Date;
  let app: NestFastifyApplication;
  const http = () =>
    request
      .agent(app.getHttpServer())
      .set(
        'authorization',
        `Bearer ${mintToken({ sub: 'user-1', tenant: TENANT, roles: ['admin'] })}`,
      )
      .set('x-tenant-id', TENANT);
  const settled = async () => {
    await app.get(ProcessManagers).waitUntilCaughtUp();
    await app.get(ProcessManagers).waitUntilCaughtUp();
  };
  const lead = async (leadId: string) => {
    await settled();
    const { store } = started;
    await app.get(ReadYourWrites).waitFor(await store.headPosition());
    return (await http().get(`/leads/${leadId}`).expect(200)).body as {
      score: number;
      scoreBreakdown: { rules: { rule: string; points: number }[] };
    };
  };
  const check = async () => {
    const outcome = await app.get(LeadDecayTimer).detector.checkNow();
    await settled();
    return outcome;
  };
  let started: Awaited<ReturnType<typeof startApp>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-decay-'));
    now = new Date('2026-03-03T12:00:00.000Z');
    started = await startApp(dir, () => now);
    app = started.app;
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a bad decay rule with the offending field, storing nothing', async () => {
    const cases: [object, string[]][] = [
      [{ ...MODEL, decay: { points: 0, every: 'P1D' } }, ['decay.points']],
      [{ ...MODEL, decay: { points: 2.5, every: 'P1D' } }, ['decay.points']],
      [{ ...MODEL, decay: { points: 2, every: 'P1M' } }, ['decay.every']],
      [{ ...MODEL, decay: { points: 2, every: 'P0D' } }, ['decay.every']],
      [{ ...MODEL, decay: { points: 2, every: 'thirty days' } }, ['decay.every']],
      [{ ...MODEL, decay: { points: 2, every: 'P1D', extra: 1 } }, ['decay.extra']],
      [{ ...MODEL, decay: 'P1D' }, ['decay']],
    ];
    const before = await started.store.headPosition();
    const fields = [];
    for (const [body] of cases) {
      fields.push(fieldsOf((await http().put('/scoring-model').send(body).expect(400)).body));
    }
    expect(fields).toEqual(cases.map(([, expected]) => expected));
    expect(await started.store.headPosition()).toBe(before);
  });

  it('takes the points of each whole period without engagement, once, also after a restart', async () => {
    const published = await http().put('/scoring-model').send(MODEL).expect(200);
    expect(published.body.decay).toEqual(MODEL.decay);
    const leadId = (
      await http()
        .post('/leads')
        .send({
          source: 'webinar',
          contact: { firstName: 'Ada', lastName: 'Lead', email: 'ada@example.com' },
        })
        .expect(201)
    ).body.id as string;
    const contactId = (
      await http()
        .post('/contacts')
        .send({ firstName: 'Ada', lastName: 'Contact', emails: [{ address: 'ada@example.com' }] })
        .expect(201)
    ).body.id as string;
    await http()
      .post('/interactions/calls')
      .send({
        contactId,
        occurredAt: CALLED_AT,
        direction: 'outbound',
        outcome: 'connected',
        durationSeconds: 60,
      })
      .expect(201);
    await settled();
    expect((await lead(leadId)).score).toBe(expectedAfter(0).score);
    expect(await check()).toEqual({ decayed: 0, unchanged: 0 });

    now = new Date(Date.parse(CALLED_AT) + 2.5 * DAY);
    expect(await check()).toEqual({ decayed: 1, unchanged: 0 });
    const afterTwo = await lead(leadId);
    expect({ score: afterTwo.score, rules: afterTwo.scoreBreakdown.rules }).toEqual(
      expectedAfter(2.5),
    );

    await app.close();
    started = await startApp(dir, () => now);
    app = started.app;
    await check();
    const afterRestart = await lead(leadId);
    expect(afterRestart.score).toBe(expectedAfter(2.5).score);
    const decays = (await started.store.readAll()).filter(
      (event) =>
        event.type.startsWith('LeadScored') &&
        (event.data.changes as { rule: string }[]).some((change) => change.rule === 'decay'),
    );
    expect(decays).toHaveLength(1);
    // A second detector that read the lead before the first decayed it sends the same command.
    const stale = {
      tenantId: TENANT,
      leadId,
      _decayDueAt: new Date(Date.parse(CALLED_AT) + DAY).toISOString(),
    };
    const repeated = decayRequest(stale as LeadDocument, 1);
    if (!repeated) throw new Error('no decay request for a due lead');
    const { kind, recordId, intent, context } = repeated;
    const result: CommandResult = await app
      .get(CommandBus)
      .execute(new ExecuteDomainCommand(kind, recordId, intent, context));
    expect(result.appended).toBe(0);
    expect((await lead(leadId)).score).toBe(expectedAfter(2.5).score);

    now = new Date(Date.parse(CALLED_AT) + 30 * DAY);
    expect(await check()).toEqual({ decayed: 1, unchanged: 0 });
    const floored = await lead(leadId);
    expect({ score: floored.score, rules: floored.scoreBreakdown.rules }).toEqual(
      expectedAfter(30),
    );
    // Nothing left to lose: the lead is not due again.
    now = new Date(Date.parse(CALLED_AT) + 60 * DAY);
    expect(await check()).toEqual({ decayed: 0, unchanged: 0 });
  });
});
