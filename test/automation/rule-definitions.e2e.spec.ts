import { startTestApp, TENANT, TestApp } from '../support/test-app';

const onboarding = {
  name: 'Onboarding call after a won deal',
  trigger: { eventType: 'DealWon' },
  actions: [
    {
      command: 'ScheduleTask',
      data: {
        title: 'Onboarding call: {{record.title}}',
        dueAt: '{{event.data.wonAt + P3D}}',
        assigneeId: '{{record.ownerId}}',
        relatedTo: { kind: 'deal', id: '{{event.data.dealId}}' },
      },
    },
  ],
};

describe('workflow rules as audited records', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('defines, revises, disables, enables and deletes a rule, each an event with its principal', async () => {
    const { body: rule } = await t.http().post('/automation/rules').send(onboarding).expect(201);
    expect(rule).toMatchObject({
      version: 1,
      enabled: true,
      deletedAt: null,
      name: onboarding.name,
    });
    const revised = await t
      .http()
      .patch(`/automation/rules/${rule.id}`)
      .send({ name: 'Onboarding call' })
      .expect(200);
    expect(revised.body).toMatchObject({
      version: 2,
      name: 'Onboarding call',
      trigger: onboarding.trigger,
    });
    await t
      .http()
      .post(`/automation/rules/${rule.id}/disable`)
      .expect(200, /"enabled":false/);
    await t
      .http()
      .post(`/automation/rules/${rule.id}/enable`)
      .expect(200, /"enabled":true/);
    const deleted = await t.http().delete(`/automation/rules/${rule.id}`).expect(200);
    expect(deleted.body.deletedAt).not.toBeNull();
    await t
      .http()
      .patch(`/automation/rules/${rule.id}`)
      .send({ name: 'x' })
      .expect(409, /RULE_DELETED/);
    const { body: list } = await t.http().get('/automation/rules').expect(200);
    expect(list.rules.map((r: { id: string }) => r.id)).toEqual([rule.id]);

    const stream = await t.store.readStream(`crm.automation.${TENANT}`);
    expect(stream.map((e) => e.type)).toEqual([
      'AutomationRuleCreated.v1',
      'AutomationRuleRevised.v1',
      'AutomationRuleDisabled.v1',
      'AutomationRuleEnabled.v1',
      'AutomationRuleDeleted.v1',
    ]);
    for (const event of stream) {
      expect(event.metadata).toMatchObject({
        tenantId: TENANT,
        principal: { kind: 'user', subject: 'user-1' },
      });
    }
  });

  it('answers 404 for a rule of another tenant or an id that is not one', async () => {
    const { body: rule } = await t.http().post('/automation/rules').send(onboarding).expect(201);
    await t
      .as('other')
      .get(`/automation/rules/${rule.id}`)
      .set('x-tenant-id', 'other')
      .expect(404, /RULE_NOT_FOUND/);
    await t
      .http()
      .get('/automation/rules/nope')
      .expect(404, /RULE_NOT_FOUND/);
  });

  it('refuses rules to callers without automation:manage', async () => {
    await t
      .as(TENANT, { roles: ['manager'] })
      .post('/automation/rules')
      .send(onboarding)
      .expect(403);
  });

  const badDefinitions: [string, object, string, string][] = [
    [
      'an unknown event type',
      { trigger: { eventType: 'DealWonned' } },
      'RULE_UNKNOWN_EVENT_TYPE',
      'trigger.eventType',
    ],
    [
      'an unknown command',
      { actions: [{ command: 'ScheduleMeeting', data: {} }] },
      'RULE_UNKNOWN_COMMAND',
      'actions[0].command',
    ],
    [
      'a template naming a field the event does not have',
      {
        actions: [
          {
            ...onboarding.actions[0],
            data: { ...onboarding.actions[0].data, title: '{{event.data.dealName}}' },
          },
        ],
      },
      'RULE_UNKNOWN_FIELD',
      'actions[0].data.title',
    ],
    [
      'a template naming a field the record does not have',
      {
        actions: [
          {
            ...onboarding.actions[0],
            data: { ...onboarding.actions[0].data, assigneeId: '{{record.owner}}' },
          },
        ],
      },
      'RULE_UNKNOWN_FIELD',
      'actions[0].data.assigneeId',
    ],
    ['an invalid duration', { delay: { after: '3 days' } }, 'RULE_INVALID_DURATION', 'delay.after'],
    [
      'an invalid duration in a template',
      {
        actions: [
          {
            ...onboarding.actions[0],
            data: { ...onboarding.actions[0].data, dueAt: '{{event.data.wonAt + P3X}}' },
          },
        ],
      },
      'RULE_INVALID_DURATION',
      'actions[0].data.dueAt',
    ],
    [
      'an invalid query operator',
      { trigger: { eventType: 'DealWon', where: { amount: { $bigger: 5 } } } },
      'RULE_INVALID_QUERY',
      'trigger.where',
    ],
    [
      'a condition on a field the event does not have',
      { trigger: { eventType: 'DealWon', where: { stage: 'won' } } },
      'RULE_UNKNOWN_FIELD',
      'trigger.where.stage',
    ],
    [
      'a command on an existing record without its id',
      { actions: [{ command: 'EscalateTicket', data: { reason: 'late' } }] },
      'RULE_RECORD_ID_MISSING',
      'actions[0].data.ticketId',
    ],
    [
      'a round robin over a record that has no owner',
      { actions: [{ assignRoundRobin: { over: ['a', 'b'] } }] },
      'RULE_ROUND_ROBIN_UNSUPPORTED',
      'actions[0].assignRoundRobin',
    ],
  ];

  it.each(badDefinitions)(
    'refuses %s with its code and field, storing nothing',
    async (_name, change, code, field) => {
      const before = await t.head();
      const { body } = await t
        .http()
        .post('/automation/rules')
        .send({ ...onboarding, ...change })
        .expect(400);
      expect(body.code).toBe(code);
      expect(body.fields).toEqual([{ field, errors: [expect.stringContaining(code)] }]);
      expect(await t.head()).toBe(before);
    },
  );

  it('refuses a revision with a problem, keeping the version it had', async () => {
    const { body: rule } = await t.http().post('/automation/rules').send(onboarding).expect(201);
    const before = await t.head();
    await t
      .http()
      .patch(`/automation/rules/${rule.id}`)
      .send({ trigger: { eventType: 'Nothing' } })
      .expect(400, /RULE_UNKNOWN_EVENT_TYPE/);
    expect(await t.head()).toBe(before);
    await t
      .http()
      .get(`/automation/rules/${rule.id}`)
      .expect(200, /"version":1/);
  });

  it.each([
    [
      'an empty round robin beside a command',
      { command: 'ScheduleTask', data: {}, assignRoundRobin: {} },
    ],
    [
      'a round robin beside a command',
      { command: 'ScheduleTask', data: {}, assignRoundRobin: { over: ['a'] } },
    ],
    ['an empty round robin', { assignRoundRobin: {} }],
  ])('refuses %s as a validation failure of the action, storing nothing', async (_name, action) => {
    const before = await t.head();
    const { body } = await t
      .http()
      .post('/automation/rules')
      .send({ ...onboarding, actions: [action] })
      .expect(400);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.fields.map((f: { field: string }) => f.field).join(' ')).toMatch(
      /^actions\[0\]\.assignRoundRobin/,
    );
    expect(await t.head()).toBe(before);
  });

  it('refuses a malformed body (no actions) as a validation failure', async () => {
    const before = await t.head();
    await t
      .http()
      .post('/automation/rules')
      .send({ ...onboarding, actions: [] })
      .expect(400, /VALIDATION_FAILED/);
    expect(await t.head()).toBe(before);
  });
});
