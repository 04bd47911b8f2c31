import { STAGES } from '../../../../test/support/crm-fixtures';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import {
  fieldsOf,
  OTHER_TENANT,
  sleep,
  viewsClient,
  ViewsClient,
} from '../queries/views.e2e-support';

type Column = {
  stageId: string;
  probability: number;
  count: number;
  deals: { dealId: string; daysInStage: number }[];
  total: Record<string, number>;
  weightedTotal: Record<string, number>;
};

describe('pipeline views API', () => {
  let t: TestApp;
  let api: ViewsClient;
  let pipelineId: string;
  const deals: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    api = viewsClient(t);
    pipelineId = (await api.command('post', '/pipelines', { name: 'Sales', stages: STAGES })).id;
    const accountId = (await api.command('post', '/accounts', { name: 'Analytical Engines' })).id;
    const open = async (
      key: string,
      stageId: string,
      amount: number,
      currency = 'EUR',
      ownerId = 'user-1',
    ) => {
      deals[key] = (
        await api.command('post', '/deals', {
          title: key,
          accountId,
          amount: { amount, currency },
          pipelineId,
          stageId,
          expectedCloseDate: '2027-03-31',
          ownerId,
        })
      ).id;
    };
    await open('small', 'discovery', 1000);
    await open('mine', 'discovery', 333.33, 'EUR', 'user-2');
    await open('dollars', 'proposal', 400, 'USD');
    await open('big', 'negotiation', 10000, 'EUR', 'user-2');
    await open('won', 'negotiation', 99999);
    await api.command('post', `/deals/${deals.won}/win`);
  });
  afterAll(() => t.close());

  it('GET /pipelines/:id/board shows open deals per stage with totals and weighted totals', async () => {
    const { body } = await api.read(`/pipelines/${pipelineId}/board`).expect(200);
    expect(body).toMatchObject({ pipelineId, name: 'Sales', ownerId: null });
    const columns = body.stages as Column[];
    expect(columns.map((c) => [c.stageId, c.probability, c.count])).toEqual([
      ['discovery', 0.1, 2],
      ['proposal', 0.5, 1],
      ['negotiation', 0.8, 1],
    ]);
    expect(columns[0].total).toEqual({ EUR: 1333.33 });
    expect(columns[0].weightedTotal).toEqual({ EUR: 133.33 });
    expect(columns[1]).toMatchObject({ total: { USD: 400 }, weightedTotal: { USD: 200 } });
    expect(columns[2].deals.map((d) => d.dealId)).toEqual([deals.big]);
    expect(columns[2].deals[0].daysInStage).toBe(0);
    expect(body.totals).toEqual({
      count: 4,
      total: { EUR: 11333.33, USD: 400 },
      weightedTotal: { EUR: 8133.33, USD: 200 },
    });
  });

  it("GET /pipelines/:id/board?ownerId= shows one owner's deals", async () => {
    const { body } = await api.read(`/pipelines/${pipelineId}/board?ownerId=user-2`).expect(200);
    expect((body.stages as Column[]).map((c) => c.deals.map((d) => d.dealId))).toEqual([
      [deals.mine],
      [],
      [deals.big],
    ]);
    expect(body.totals).toEqual({
      count: 2,
      total: { EUR: 10333.33 },
      weightedTotal: { EUR: 8033.33 },
    });
  });

  it('GET /pipelines/:id/board?perStage= lists that many deals a column, and nextCursor pages on through GET /deals', async () => {
    const { body } = await api.read(`/pipelines/${pipelineId}/board?perStage=1`).expect(200);
    const [discovery, proposal] = body.stages as (Column & {
      hasMore: boolean;
      nextCursor?: string;
    })[];
    expect(discovery).toMatchObject({ count: 2, hasMore: true });
    expect(discovery.deals).toHaveLength(1);
    expect(proposal).toMatchObject({ count: 1, hasMore: false });
    expect(proposal.nextCursor).toBeUndefined();
    const next = await api
      .read(
        `/deals?pipelineId=${pipelineId}&stageId=discovery&status=open&sort=expectedCloseDate&limit=1&cursor=${discovery.nextCursor}`,
      )
      .expect(200);
    expect(next.body.nextCursor).toBeUndefined();
    const paged = [
      discovery.deals[0].dealId,
      ...next.body.items.map((d: { dealId: string }) => d.dealId),
    ];
    // Same expected close date: the deal id orders them.
    expect(paged).toEqual([deals.small, deals.mine].sort());
    const unbounded = await api.read(`/pipelines/${pipelineId}/board`).expect(200);
    expect((unbounded.body.stages as Column[])[0].deals.map((d) => d.dealId)).toEqual(paged);
  });

  it('GET /pipelines/:id answers the pipeline now and as of a past moment', async () => {
    const { id } = await api.command('post', '/pipelines', { name: 'Renewals', stages: STAGES });
    await sleep(5);
    const before = new Date().toISOString();
    await sleep(5);
    await api.command('post', `/pipelines/${id}/stages/proposal/rename`, { name: 'Offer' });
    const now = await api.read(`/pipelines/${id}`).expect(200);
    expect(now.body.stages[1]).toEqual({ stageId: 'proposal', name: 'Offer', probability: 0.5 });
    const then = await api.read(`/pipelines/${id}?asOf=${before}`).expect(200);
    expect(then.body.stages[1]).toEqual({
      stageId: 'proposal',
      name: 'Proposal',
      probability: 0.5,
    });
  });

  it('answers 404 PIPELINE_NOT_FOUND (also to another tenant) and 400 for bad parameters', async () => {
    for (const path of ['', '/board']) {
      const missing = await api.get(`/pipelines/no-such-pipeline${path}`).expect(404);
      expect(missing.body.code).toBe('PIPELINE_NOT_FOUND');
      await viewsClient(t, OTHER_TENANT).read(`/pipelines/${pipelineId}${path}`).expect(404);
    }
    const bad = await api.get(`/pipelines/${pipelineId}/board?ownerId=&stage=x`).expect(400);
    expect(fieldsOf(bad.body)).toEqual(['ownerId', 'stage']);
    for (const perStage of ['0', '101', '2.5', 'many']) {
      const badPage = await api
        .get(`/pipelines/${pipelineId}/board?perStage=${perStage}`)
        .expect(400);
      expect(fieldsOf(badPage.body)).toEqual(['perStage']);
    }
  });
});
