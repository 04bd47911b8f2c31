import { MoveDealStage, SetPipelineStageProbability, WinDeal } from '@crm/domain';
import { pipelineBoard } from './pipeline-board';
import {
  createViewsWorld,
  definePipeline,
  eur,
  openDeal,
  OTHER_TENANT,
  STAGES,
  TENANT,
  usd,
  ViewsWorld,
} from './views.test-kit';

const NOW = new Date('2026-02-01T12:00:00.000Z');

describe('pipelineBoard', () => {
  let world: ViewsWorld;
  beforeAll(async () => {
    world = createViewsWorld();
    world.at('2026-01-01T09:00:00.000Z');
    await definePipeline(world, 'p1');
    await definePipeline(world, 'p2');
    await openDeal(world, 'd-1', {
      pipelineId: 'p1',
      accountId: 'a',
      amount: eur(1000),
      expectedCloseDate: '2026-04-01',
    });
    world.at('2026-01-10T09:00:00.000Z');
    await openDeal(world, 'd-2', {
      pipelineId: 'p1',
      accountId: 'a',
      amount: eur(500.55),
      ownerId: 'user-2',
      expectedCloseDate: '2026-03-01',
    });
    await openDeal(world, 'd-3', {
      pipelineId: 'p1',
      accountId: 'a',
      amount: usd(300),
      stageId: 'proposal',
    });
    await openDeal(world, 'd-4', { pipelineId: 'p1', accountId: 'a', amount: eur(2000) });
    await openDeal(world, 'd-5', { pipelineId: 'p2', accountId: 'a', amount: eur(7) });
    world.at('2026-01-20T09:00:00.000Z');
    await world.send<MoveDealStage>('deal', 'd-4', {
      type: 'MoveDealStage',
      data: { dealId: 'd-4', stageId: 'negotiation', pipelineStages: STAGES },
    });
    await openDeal(world, 'd-6', { pipelineId: 'p1', accountId: 'a', amount: eur(999) });
    await world.send<WinDeal>('deal', 'd-6', { type: 'WinDeal', data: { dealId: 'd-6' } });
    await definePipeline(world, 'p1', OTHER_TENANT);
    await openDeal(
      world,
      'd-1',
      { pipelineId: 'p1', accountId: 'a', amount: eur(123456) },
      OTHER_TENANT,
    );
    await world.project();
  });
  afterAll(() => world.close());

  it('shows every stage in order with its open deals, count, totals and weighted totals', async () => {
    const board = await pipelineBoard(world.readModels, TENANT, 'p1', {}, NOW);
    expect(board?.stages.map((s) => [s.stageId, s.name, s.probability, s.count])).toEqual([
      ['discovery', 'Discovery', 0.1, 2],
      ['proposal', 'Proposal', 0.5, 1],
      ['negotiation', 'Negotiation', 0.8, 1],
    ]);
    const [discovery, proposal, negotiation] = board?.stages ?? [];
    expect(discovery.deals.map((d) => d.dealId)).toEqual(['d-2', 'd-1']);
    expect(discovery.deals[1]).toEqual({
      dealId: 'd-1',
      title: 'Deal d-1',
      amount: { amount: 1000, currency: 'EUR' },
      ownerId: 'user-1',
      expectedCloseDate: '2026-04-01',
      accountId: 'a',
      daysInStage: 31,
    });
    expect(discovery.total).toEqual({ EUR: 1500.55 });
    expect(discovery.weightedTotal).toEqual({ EUR: 150.06 });
    expect(proposal.total).toEqual({ USD: 300 });
    expect(proposal.weightedTotal).toEqual({ USD: 150 });
    expect(negotiation.deals[0].daysInStage).toBe(12);
    expect(negotiation.weightedTotal).toEqual({ EUR: 1600 });
    expect(board?.totals).toEqual({
      count: 4,
      total: { EUR: 3500.55, USD: 300 },
      weightedTotal: { EUR: 1750.06, USD: 150 },
    });
  });

  it("weights by the stage's current probability", async () => {
    world.at('2026-01-25T09:00:00.000Z');
    await world.send<SetPipelineStageProbability>('pipeline', 'p2', {
      type: 'SetPipelineStageProbability',
      data: { pipelineId: 'p2', stageId: 'discovery', probability: 0.25 },
    });
    await world.project();
    const board = await pipelineBoard(world.readModels, TENANT, 'p2', {}, NOW);
    expect(board?.stages[0]).toMatchObject({ probability: 0.25, weightedTotal: { EUR: 1.75 } });
    expect(board?.totals).toEqual({ count: 1, total: { EUR: 7 }, weightedTotal: { EUR: 1.75 } });
  });

  it("shows one owner's deals only when asked", async () => {
    const board = await pipelineBoard(world.readModels, TENANT, 'p1', { ownerId: 'user-2' }, NOW);
    expect(board?.ownerId).toBe('user-2');
    expect(board?.stages.map((s) => s.deals.map((d) => d.dealId))).toEqual([['d-2'], [], []]);
    expect(board?.stages[1]).toMatchObject({ count: 0, total: {}, weightedTotal: {} });
    expect(board?.totals).toEqual({
      count: 1,
      total: { EUR: 500.55 },
      weightedTotal: { EUR: 50.06 },
    });
  });

  it('answers null for an unknown pipeline and keeps tenants apart', async () => {
    expect(await pipelineBoard(world.readModels, TENANT, 'nope', {}, NOW)).toBeNull();
    const other = await pipelineBoard(world.readModels, OTHER_TENANT, 'p1', {}, NOW);
    expect(other?.totals).toEqual({
      count: 1,
      total: { EUR: 123456 },
      weightedTotal: { EUR: 12345.6 },
    });
  });
});
