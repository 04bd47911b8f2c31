import { LoseDeal, MoveDealStage, RemovePipelineStage, ReopenDeal } from '@crm/domain';
import { dealDetail } from './deal-detail';
import {
  createViewsWorld,
  definePipeline,
  eur,
  openDeal,
  OTHER_TENANT,
  STAGES,
  TENANT,
  ViewsWorld,
} from './views.test-kit';

const NOW = new Date('2026-02-01T12:00:00.000Z');
const LATER_STAGES = STAGES.filter((stage) => stage.stageId !== 'discovery');

describe('dealDetail', () => {
  let world: ViewsWorld;
  beforeAll(async () => {
    world = createViewsWorld();
    world.at('2026-01-01T00:00:00.000Z');
    await definePipeline(world, 'p1');
    await openDeal(world, 'd-1', { pipelineId: 'p1', accountId: 'a', amount: eur(1000) });
    await openDeal(world, 'd-2', { pipelineId: 'p1', accountId: 'a', amount: eur(50) });
    world.at('2026-01-03T12:00:00.000Z');
    await world.send<MoveDealStage>('deal', 'd-1', {
      type: 'MoveDealStage',
      data: { dealId: 'd-1', stageId: 'proposal', pipelineStages: STAGES },
    });
    await world.send<MoveDealStage>('deal', 'd-2', {
      type: 'MoveDealStage',
      data: { dealId: 'd-2', stageId: 'proposal', pipelineStages: STAGES },
    });
    world.at('2026-01-04T00:00:00.000Z');
    await world.send<RemovePipelineStage>('pipeline', 'p1', {
      type: 'RemovePipelineStage',
      data: { pipelineId: 'p1', stageId: 'discovery', openDealsInStage: 0 },
    });
    world.at('2026-01-10T00:00:00.000Z');
    await world.send<MoveDealStage>('deal', 'd-1', {
      type: 'MoveDealStage',
      data: { dealId: 'd-1', stageId: 'negotiation', pipelineStages: LATER_STAGES },
    });
    world.at('2026-01-20T00:00:00.000Z');
    await world.send<LoseDeal>('deal', 'd-2', {
      type: 'LoseDeal',
      data: { dealId: 'd-2', reason: 'no budget' },
    });
    await world.project();
  });
  afterAll(() => world.close());

  it('names every stage stayed in (also a removed one) with its duration', async () => {
    const detail = await dealDetail(world.readModels, TENANT, 'd-1', NOW);
    expect(detail?.deal).toMatchObject({ dealId: 'd-1', status: 'open', stageId: 'negotiation' });
    expect(detail?.deal).not.toHaveProperty('_id');
    expect(detail?.pipeline).toEqual({ pipelineId: 'p1', name: 'Sales' });
    expect(detail?.stageName).toBe('Negotiation');
    expect(detail?.stageHistory).toEqual([
      {
        stageId: 'discovery',
        stageName: 'Discovery',
        stageRemoved: true,
        enteredAt: '2026-01-01T00:00:00.000Z',
        leftAt: '2026-01-03T12:00:00.000Z',
        durationDays: 2.5,
      },
      {
        stageId: 'proposal',
        stageName: 'Proposal',
        stageRemoved: false,
        enteredAt: '2026-01-03T12:00:00.000Z',
        leftAt: '2026-01-10T00:00:00.000Z',
        durationDays: 6.5,
      },
      {
        stageId: 'negotiation',
        stageName: 'Negotiation',
        stageRemoved: false,
        enteredAt: '2026-01-10T00:00:00.000Z',
        durationDays: 22.5,
      },
    ]);
    expect(detail?.daysInCurrentStage).toBe(22);
  });

  it('stops the clock of a closed deal when it closed, and restarts it on reopening', async () => {
    const lost = await dealDetail(world.readModels, TENANT, 'd-2', NOW);
    expect(lost?.stageHistory.at(-1)).toMatchObject({ stageId: 'proposal', durationDays: 16.5 });
    expect(lost?.daysInCurrentStage).toBe(16);
    world.at('2026-01-25T00:00:00.000Z');
    await world.send<ReopenDeal>('deal', 'd-2', {
      type: 'ReopenDeal',
      data: { dealId: 'd-2', pipelineStages: LATER_STAGES },
    });
    await world.project();
    const reopened = await dealDetail(world.readModels, TENANT, 'd-2', NOW);
    expect(reopened?.deal).toMatchObject({ status: 'open', reopenCount: 1 });
    expect(reopened?.daysInCurrentStage).toBe(29);
  });

  it('answers null for an unknown deal or another tenant', async () => {
    expect(await dealDetail(world.readModels, TENANT, 'nope', NOW)).toBeNull();
    expect(await dealDetail(world.readModels, OTHER_TENANT, 'd-1', NOW)).toBeNull();
  });
});
