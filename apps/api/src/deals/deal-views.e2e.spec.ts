import { STAGES } from '../../../../test/support/crm-fixtures';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import {
  fieldsOf,
  OTHER_TENANT,
  sleep,
  viewsClient,
  ViewsClient,
} from '../queries/views.e2e-support';

describe('deal views API', () => {
  let t: TestApp;
  let api: ViewsClient;
  let pipelineId: string;
  let accountId: string;

  beforeAll(async () => {
    t = await startTestApp();
    api = viewsClient(t);
    pipelineId = (await api.command('post', '/pipelines', { name: 'Sales', stages: STAGES })).id;
    accountId = (await api.command('post', '/accounts', { name: 'Analytical Engines' })).id;
  });
  afterAll(() => t.close());

  const openDeal = async (amount = 5000) =>
    (
      await api.command('post', '/deals', {
        title: 'Engines - 50 seats',
        accountId,
        amount: { amount, currency: 'EUR' },
        pipelineId,
        stageId: 'discovery',
        expectedCloseDate: '2027-03-31',
      })
    ).id;

  it('GET /deals/:id answers the deal with its named stage history', async () => {
    const dealId = await openDeal();
    await api.command('post', `/deals/${dealId}/stage`, { stageId: 'proposal' });
    await api.command('post', `/deals/${dealId}/stage`, { stageId: 'negotiation' });
    const { body } = await api.read(`/deals/${dealId}`).expect(200);
    expect(body.deal).toMatchObject({ dealId, stageId: 'negotiation', status: 'open' });
    expect(body.deal).not.toHaveProperty('_id');
    expect(body.pipeline).toEqual({ pipelineId, name: 'Sales' });
    expect(body.stageName).toBe('Negotiation');
    expect(
      body.stageHistory.map((s: { stageName: string; leftAt?: string }) => [
        s.stageName,
        s.leftAt === undefined,
      ]),
    ).toEqual([
      ['Discovery', false],
      ['Proposal', false],
      ['Negotiation', true],
    ]);
    expect(body.stageHistory[0]).toMatchObject({ durationDays: 0, stageRemoved: false });
    expect(body.daysInCurrentStage).toBe(0);
  });

  it('GET /deals/:id?asOf answers the deal document as it was then', async () => {
    const dealId = await openDeal(1000);
    await sleep(5);
    const before = new Date().toISOString();
    await sleep(5);
    await api.command('post', `/deals/${dealId}/amount`, {
      amount: { amount: 2500, currency: 'EUR' },
    });
    await api.command('post', `/deals/${dealId}/win`);
    const now = await api.read(`/deals/${dealId}`).expect(200);
    expect(now.body.deal).toMatchObject({
      status: 'won',
      amount: { amount: 2500, currency: 'EUR' },
    });
    const then = await api.read(`/deals/${dealId}?asOf=${before}`).expect(200);
    expect(then.body).toMatchObject({
      dealId,
      status: 'open',
      amount: { amount: 1000, currency: 'EUR' },
    });
    expect(then.body).not.toHaveProperty('stageHistory.0.stageName');
  });

  it('GET /deals/:id/timeline lists the deal entries newest first, paged and filtered', async () => {
    const dealId = await openDeal();
    await api.command('post', `/deals/${dealId}/stage`, { stageId: 'proposal' });
    await api.command('post', `/deals/${dealId}/amount`, {
      amount: { amount: 1, currency: 'EUR' },
    });
    await api.command('post', `/deals/${dealId}/lose`, { reason: 'budget' });
    const { body } = await api.read(`/deals/${dealId}/timeline`).expect(200);
    expect(body.entries.map((e: { type: string }) => e.type)).toEqual([
      'DealLost',
      'DealAmountChanged',
      'DealStageMoved',
      'DealOpened',
    ]);
    expect(body.nextCursor).toBeNull();
    const first = await api.read(`/deals/${dealId}/timeline?limit=3`).expect(200);
    expect(first.body.entries).toEqual(body.entries.slice(0, 3));
    const rest = await api
      .read(`/deals/${dealId}/timeline?limit=3&before=${first.body.nextCursor}`)
      .expect(200);
    expect(rest.body).toEqual({ entries: body.entries.slice(3), nextCursor: null });
    const moves = await api.read(`/deals/${dealId}/timeline?types=DealStageMoved`).expect(200);
    expect(moves.body.entries).toEqual([body.entries[2]]);
  });

  it('answers 404 DEAL_NOT_FOUND (also to another tenant) and 400 for bad parameters', async () => {
    const dealId = await openDeal();
    for (const path of ['', '/timeline', '?asOf=2020-01-01T00:00:00Z']) {
      const missing = await api.get(`/deals/no-such-deal${path}`).expect(404);
      expect(missing.body.code).toBe('DEAL_NOT_FOUND');
    }
    await api.get(`/deals/${dealId}?asOf=2020-01-01T00:00:00Z`).expect(404);
    const other = viewsClient(t, OTHER_TENANT);
    await other.read(`/deals/${dealId}`).expect(404);
    await other.read(`/deals/${dealId}/timeline`).expect(404);
    const bad = await api.get(`/deals/${dealId}/timeline?limit=0&before=abc&page=2`).expect(400);
    expect(fieldsOf(bad.body)).toEqual(['before', 'limit', 'page']);
    expect(fieldsOf((await api.get(`/deals/${dealId}?asOf=2026-13-01`).expect(400)).body)).toEqual([
      'asOf',
    ]);
  });
});
