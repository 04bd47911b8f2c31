import { createContact } from '../support/crm-fixtures';
import { TENANT, TestApp } from '../support/test-app';
import {
  DAY_MS,
  dealInPipeline,
  defineRule,
  runsOf,
  startAutomationApp,
  TestClock,
  testClock,
} from './automation-app';

/** The README's example rules, each end to end over HTTP with the rule runner running. */
describe('workflow rule examples', () => {
  let t: TestApp;
  let clock: TestClock;
  beforeAll(async () => {
    clock = testClock();
    t = await startAutomationApp(clock);
  });
  afterAll(() => t.close());

  it("when a deal is won, schedules an onboarding call for its owner in 3 days, as the rule's principal", async () => {
    const ruleId = await defineRule(t, {
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
    });
    const dealId = await dealInPipeline(t, { ownerId: 'rep-7' });
    await t.http().post(`/deals/${dealId}/win`).expect(200);
    const [run] = await runsOf(t, ruleId, 1);
    expect(run).toMatchObject({ outcome: 'done', command: 'ScheduleTask', actionIndex: 0 });
    const { body: task } = await t
      .http()
      .get(`/tasks/${run.recordId}?minPosition=${run.position}`)
      .expect(200);
    expect(task).toMatchObject({
      title: 'Onboarding call: Analytical Engines - 50 seats',
      assigneeId: 'rep-7',
      dueAt: new Date(clock.now().getTime() + 3 * DAY_MS).toISOString(),
      relatedTo: { kind: 'deal', id: dealId },
    });
    const [scheduled] = await t.store.readStream(`task-${TENANT}.${run.recordId}`);
    const [wonEvent] = await t.store.readStream(`deal-${TENANT}.${dealId}`, {
      direction: 'backwards',
      maxCount: 1,
    });
    expect(scheduled.metadata).toMatchObject({
      actorId: `rule:${ruleId}`,
      principal: {
        kind: 'rule',
        subject: `rule:${ruleId}`,
        onBehalfOf: { kind: 'user', subject: 'user-1' },
      },
      $causationId: wonEvent.id,
      $correlationId: wonEvent.metadata.$correlationId,
    });
    const { body: audit } = await t.http().get(`/audit/task/${run.recordId}`).expect(200);
    expect(JSON.stringify(audit)).toContain(`rule:${ruleId}`);
  });

  it('when a lead from the webinar becomes qualified, assigns it round robin over a list of owners', async () => {
    const ruleId = await defineRule(t, {
      name: 'Webinar leads in turn',
      trigger: { eventType: 'LeadQualified', recordWhere: { source: 'webinar' } },
      actions: [{ assignRoundRobin: { over: ['rep-a', 'rep-b'] } }],
    });
    const capture = async (source: string): Promise<string> => {
      const { body } = await t
        .http()
        .post('/leads')
        .send({
          source,
          contact: {
            firstName: 'Ada',
            lastName: 'Lovelace',
            email: `ada-${Math.random()}@example.com`,
          },
        })
        .expect(201);
      await t.http().post(`/leads/${body.id}/qualify`).send({}).expect(200);
      return body.id as string;
    };
    const leads = [
      await capture('webinar'),
      await capture('web'),
      await capture('webinar'),
      await capture('webinar'),
    ];
    const runs = await runsOf(t, ruleId, 4);
    expect(runs.map((r) => [r.outcome, r.recordId])).toEqual([
      ['done', leads[0]],
      ['condition-not-met', null],
      ['done', leads[2]],
      ['done', leads[3]],
    ]);
    const last = await t.head();
    const owners = [];
    for (const leadId of [leads[0], leads[2], leads[3], leads[1]]) {
      const { body } = await t.http().get(`/leads/${leadId}?minPosition=${last}`).expect(200);
      owners.push(body.ownerId ?? null);
    }
    expect(owners).toEqual(['rep-a', 'rep-b', 'rep-a', null]);
  });

  it('when a high-priority ticket has no first response an hour after it opened, escalates it and assigns it to the on-call agent', async () => {
    const ruleId = await defineRule(t, {
      name: 'Escalate unanswered high-priority tickets',
      trigger: {
        eventType: 'TicketOpened',
        where: { priority: 'high' },
        recordWhere: { firstResponseAt: { $exists: false } },
      },
      delay: { after: 'PT1H' },
      actions: [
        {
          command: 'EscalateTicket',
          data: { ticketId: '{{event.data.ticketId}}', reason: 'no first response within an hour' },
        },
        {
          command: 'AssignTicket',
          data: { ticketId: '{{event.data.ticketId}}', agentId: 'on-call' },
        },
      ],
    });
    const contactId = await createContact(t);
    const open = async (priority: string) =>
      (
        await t
          .http()
          .post('/tickets')
          .send({ contactId, channel: 'email', priority, subject: 'Down' })
          .expect(201)
      ).body.id as string;
    const urgent = await open('high');
    await open('normal');
    const scheduled = await runsOf(t, ruleId, 2);
    expect(scheduled.map((r) => r.outcome)).toEqual(['scheduled', 'scheduled']);
    clock.advance(61 * 60 * 1000);
    const runs = await runsOf(t, ruleId, 2, { settled: true });
    expect(
      runs.filter((r) => r.outcome !== 'scheduled').map((r) => [r.outcome, r.command, r.recordId]),
    ).toEqual([
      ['done', 'EscalateTicket', urgent],
      ['done', 'AssignTicket', urgent],
    ]);
    const { body } = await t
      .http()
      .get(`/tickets/${urgent}?minPosition=${await t.head()}`)
      .expect(200);
    expect(body).toMatchObject({ assigneeId: 'on-call' });
    const events = await t.store.readStream(`ticket-${TENANT}.${urgent}`);
    expect(events.map((e) => e.type.split('.')[0])).toEqual([
      'TicketOpened',
      'TicketEscalated',
      'TicketAssigned',
    ]);
  });

  it('when a deal stays in a stage for 5 days, acts only if it is still there when the timer fires', async () => {
    const ruleId = await defineRule(t, {
      name: 'Stuck in stage',
      trigger: {
        eventType: 'DealStageMoved',
        recordWhere: { stageId: '{{event.data.toStageId}}', status: 'open' },
      },
      delay: { after: 'P5D' },
      actions: [
        {
          command: 'ScheduleTask',
          data: {
            title: 'Deal stuck in {{event.data.toStageId}}',
            dueAt: '{{action.runAt}}',
            assigneeId: '{{record.ownerId}}',
          },
        },
      ],
    });
    const stuck = await dealInPipeline(t);
    const moving = await dealInPipeline(t);
    await t.http().post(`/deals/${stuck}/stage`).send({ stageId: 'proposal' }).expect(200);
    await t.http().post(`/deals/${moving}/stage`).send({ stageId: 'proposal' }).expect(200);
    await runsOf(t, ruleId, 2);
    clock.advance(2 * DAY_MS);
    await t.http().post(`/deals/${moving}/stage`).send({ stageId: 'negotiation' }).expect(200);
    await runsOf(t, ruleId, 3);
    clock.advance(3 * DAY_MS + 1000);
    const runs = (await runsOf(t, ruleId, 2, { settled: true })).filter(
      (r) => r.outcome !== 'scheduled',
    );
    expect(runs.map((r) => r.outcome)).toEqual(['done', 'condition-not-met']);
    expect(runs[0].command).toBe('ScheduleTask');
  });

  it('when a task is due, acts at its due time (a delay counted from the due date)', async () => {
    const ruleId = await defineRule(t, {
      name: 'Overdue tasks go to the manager',
      trigger: {
        eventType: 'TaskScheduled',
        where: { assigneeId: { $ne: 'manager-1' } },
        recordWhere: { status: 'open' },
      },
      delay: { after: 'PT0S', from: 'event.data.dueAt' },
      actions: [
        {
          command: 'ScheduleTask',
          data: {
            title: 'Overdue: {{event.data.title}}',
            dueAt: '{{action.runAt + P1D}}',
            assigneeId: 'manager-1',
          },
        },
      ],
    });
    const dueAt = new Date(clock.now().getTime() + 2 * DAY_MS).toISOString();
    const { body: task } = await t
      .http()
      .post('/tasks')
      .send({ title: 'Send the contract', dueAt, assigneeId: 'rep-1' })
      .expect(201);
    // Tasks the other examples' rules schedule trigger this rule too: follow this one's runs.
    const ofTask = async (count: number) =>
      (await runsOf(t, ruleId, count)).filter((r) => r.trigger.streamName.endsWith(task.id));
    const ofTaskOnce = async (count: number) => {
      for (let i = 0; i < 200; i++) {
        const runs = await ofTask(0);
        if (runs.length >= count) return runs;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`fewer than ${count} runs`);
    };
    expect(await ofTaskOnce(1)).toEqual([expect.objectContaining({ outcome: 'scheduled', dueAt })]);
    clock.advance(DAY_MS);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await ofTask(0)).toHaveLength(1);
    clock.advance(DAY_MS);
    const runs = await ofTaskOnce(2);
    expect(runs.map((r) => [r.outcome, r.command, r.dueAt])).toEqual([
      ['scheduled', null, dueAt],
      ['done', 'ScheduleTask', dueAt],
    ]);
  });
});
