import { createPipeline, openDeal } from '../../../../test/support/crm-fixtures';
import { startTestApp, TestApp } from '../../../../test/support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const thisMonth = () => new Date().toISOString().slice(0, 7);

describe('reports API', () => {
  let t: TestApp;
  let pipelineId: string;
  let position = '0';
  let beforeSecondWin: string;

  const command = async (path: string, body: Record<string, unknown> = {}) => {
    const response = await t
      .http()
      .post(path)
      .send(body)
      .expect((r) => expect(r.status).toBeLessThan(300));
    position = response.body.position;
    return response.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    pipelineId = await createPipeline(t);
    // Won 1 000 EUR, then (after a marked moment) won 3 000 EUR; lost 500 EUR; open 2 000 EUR at 50 %.
    const first = await openDeal(t, pipelineId, { amount: { amount: 1000, currency: 'EUR' } });
    const second = await openDeal(t, pipelineId, { amount: { amount: 3000, currency: 'EUR' } });
    const lost = await openDeal(t, pipelineId, { amount: { amount: 500, currency: 'EUR' } });
    await openDeal(t, pipelineId, {
      amount: { amount: 2000, currency: 'EUR' },
      stageId: 'proposal',
      expectedCloseDate: '2026-06-30',
    });
    await command(`/deals/${first}/win`);
    await command(`/deals/${lost}/lose`, { reason: 'price' });
    await sleep(5);
    beforeSecondWin = new Date().toISOString();
    await sleep(5);
    await command(`/deals/${second}/win`);
    // Leads: web (qualified), web (new), event (disqualified).
    const webA = await command('/leads', {
      source: 'web',
      contact: { firstName: 'A', lastName: 'A', email: 'a@x.io' },
    });
    await command('/leads', {
      source: 'web',
      contact: { firstName: 'B', lastName: 'B', email: 'b@x.io' },
    });
    const event = await command('/leads', {
      source: 'event',
      contact: { firstName: 'C', lastName: 'C', phone: '+1 555' },
    });
    await command(`/leads/${webA}/qualify`);
    await command(`/leads/${event}/disqualify`, { reason: 'no budget' });
  });
  afterAll(() => t.close());

  const get = (path: string, query: Record<string, string> = {}) =>
    t
      .http()
      .get(path)
      .query({ minPosition: position, ...query });

  it('sums won revenue by month and currency', async () => {
    const { body } = await get('/reports/revenue-by-month').expect(200);
    // 1 000 + 3 000 = 4 000 EUR from 2 won deals, both won this month.
    expect(body.rows).toEqual([{ month: thisMonth(), currency: 'EUR', revenue: 4000, deals: 2 }]);
  });

  it('answers as of a past moment from the history the read models keep', async () => {
    const { body } = await get('/reports/revenue-by-month', { asOf: beforeSecondWin }).expect(200);
    // At that moment only the first deal (1 000 EUR) was won.
    expect(body.rows).toEqual([{ month: thisMonth(), currency: 'EUR', revenue: 1000, deals: 1 }]);
  });

  it('weights the open pipeline by stage probability per expected close month', async () => {
    const { body } = await get('/reports/forecast').expect(200);
    // Open: 2 000 EUR at 50 % closing 2026-06 -> weighted 1 000.
    expect(body.rows).toEqual([
      { month: '2026-06', currency: 'EUR', deals: 1, pipelineAmount: 2000, weightedAmount: 1000 },
    ]);
  });

  it('computes the win rate per owner and month', async () => {
    const { body } = await get('/reports/win-rate').expect(200);
    // The acting user owns all deals: 2 won, 1 lost -> 2/3 = 0.6667; average won (1 000 + 3 000) / 2 = 2 000.
    expect(body.owners).toEqual([
      {
        ownerId: 'user-1',
        won: 2,
        lost: 1,
        winRate: 0.6667,
        averageWonAmount: [{ currency: 'EUR', amount: 2000 }],
      },
    ]);
  });

  it('counts the lead funnel by source', async () => {
    const { body } = await get('/reports/lead-funnel', { groupBy: 'source' }).expect(200);
    // event: 1 captured, 0 qualified; web: 2 captured, 1 qualified (1/2 = 0.5).
    expect(body.rows).toEqual([
      expect.objectContaining({
        key: 'event',
        captured: 1,
        qualified: 0,
        converted: 0,
        qualifiedRate: 0,
      }),
      expect.objectContaining({
        key: 'web',
        captured: 2,
        qualified: 1,
        converted: 0,
        qualifiedRate: 0.5,
      }),
    ]);
    expect(body.total).toMatchObject({ captured: 3, qualified: 1, qualifiedRate: 0.3333 });
  });

  it('reports stage conversion for a pipeline and 404 for an unknown one', async () => {
    const { body } = await get('/reports/stage-conversion', { pipelineId }).expect(200);
    expect(
      body.stages.map((s: { stageId: string; entered: number }) => [s.stageId, s.entered]),
    ).toEqual([
      ['discovery', 3],
      ['proposal', 1],
      ['negotiation', 0],
    ]);
    const missing = await get('/reports/stage-conversion', { pipelineId: 'nope' }).expect(404);
    expect(missing.body.code).toBe('PIPELINE_NOT_FOUND');
  });

  it('answers the ticket and campaign reports for a tenant without any', async () => {
    const tickets = await get('/reports/tickets').expect(200);
    expect(tickets.body.backlogByPriority).toEqual({ low: 0, normal: 0, high: 0, urgent: 0 });
    const campaigns = await get('/reports/campaigns').expect(200);
    expect(campaigns.body.rows).toEqual([]);
  });

  it('refuses bad query parameters and keeps tenants apart', async () => {
    const bad = await get('/reports/lead-funnel', { groupBy: 'planet' }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['groupBy']);
    const other = await t
      .as('other', { subject: 'x' })
      .get('/reports/revenue-by-month')
      .set('x-tenant-id', 'other');
    expect(other.body.rows).toEqual([]);
  });
});
