import { STAGES } from '../../../../test/support/crm-fixtures';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { viewsClient, ViewsClient } from './views.e2e-support';

/** Figures an outside check found inconsistent, each pinned here. */
describe('correct figures', () => {
  let t: TestApp;
  let api: ViewsClient;
  let pipelineId: string;
  let contactId: string;

  beforeAll(async () => {
    t = await startTestApp();
    api = viewsClient(t);
    pipelineId = (await api.command('post', '/pipelines', { name: 'Sales', stages: STAGES })).id;
    contactId = (await api.command('post', '/contacts', { firstName: 'Ada', lastName: 'Figures' }))
      .id;
  });
  afterAll(() => t.close());

  const openDeal = async (amount: number) =>
    (
      await api.command('post', '/deals', {
        title: `Deal ${amount}`,
        contactId,
        amount: { amount, currency: 'EUR' },
        pipelineId,
        stageId: 'discovery',
        expectedCloseDate: '2031-05-15',
      })
    ).id;

  it('board, forecast and deal detail weigh a deal by the probability its stage has now', async () => {
    const dealId = await openDeal(1000);
    await api.command('post', `/pipelines/${pipelineId}/stages/discovery/probability`, {
      probability: 0.3,
    });
    const detail = await api.read(`/deals/${dealId}`).expect(200);
    expect(detail.body.deal.probability).toBe(0.3);
    const forecast = await api.read('/reports/forecast').expect(200);
    expect(forecast.body.rows).toContainEqual(
      expect.objectContaining({ month: '2031-05', pipelineAmount: 1000, weightedAmount: 300 }),
    );
    const board = await api.read(`/pipelines/${pipelineId}/board`).expect(200);
    const column = board.body.stages.find((c: { stageId: string }) => c.stageId === 'discovery');
    expect(column.probability).toBe(0.3);
    expect(column.weightedTotal).toEqual({ EUR: 300 });
  });

  it('a reopened deal has neither wonAt nor lostAt', async () => {
    const won = await openDeal(2000);
    await api.command('post', `/deals/${won}/win`, {});
    await api.command('post', `/deals/${won}/reopen`, {});
    const lost = await openDeal(3000);
    await api.command('post', `/deals/${lost}/lose`, { reason: 'budget' });
    await api.command('post', `/deals/${lost}/reopen`, {});
    for (const dealId of [won, lost]) {
      const { body } = await api.read(`/deals/${dealId}`).expect(200);
      expect(body.deal.status).toBe('open');
      expect(body.deal).not.toHaveProperty('wonAt');
      expect(body.deal).not.toHaveProperty('lostAt');
      expect(body.deal).not.toHaveProperty('lostReason');
    }
  });

  it('a reopened ticket has no resolvedAt and the tickets report counts it unresolved', async () => {
    const open = async () =>
      (
        await api.command('post', '/tickets', {
          contactId,
          channel: 'email',
          priority: 'normal',
          subject: 'Invoice wrong',
        })
      ).id;
    const resolvedId = await open();
    await api.command('post', `/tickets/${resolvedId}/resolve`, { resolution: 'fixed' });
    const before = await api.read('/reports/tickets').expect(200);
    expect(before.body.resolutionMinutes.count).toBe(1);

    await api.command('post', `/tickets/${resolvedId}/reopen`, { reason: 'still wrong' });
    const ticket = await api.read(`/tickets/${resolvedId}`).expect(200);
    expect(ticket.body.status).toBe('open');
    expect(ticket.body).not.toHaveProperty('resolvedAt');
    const after = await api.read('/reports/tickets').expect(200);
    expect(after.body.resolutionMinutes.count).toBe(0);
    expect(after.body.backlogByPriority.normal).toBe(1);
  });

  it('the default $causationId is the command id, even when X-Correlation-Id is given', async () => {
    const created = await t
      .http()
      .post('/contacts')
      .set('x-correlation-id', 'journey-42')
      .send({ firstName: 'Cause', lastName: 'Effect' })
      .expect(201);
    const audit = await t.http().get(`/audit/contact/${created.body.id}`).expect(200);
    const { metadata } = audit.body.events[0];
    expect(metadata.$correlationId).toBe('journey-42');
    expect(metadata.$causationId).toBe(metadata.commandId);
    expect(metadata.$causationId).not.toBe('journey-42');
  });
});
