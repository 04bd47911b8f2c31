import { MoveDealStage, SetPipelineStageProbability, WinDeal } from '@crm/domain';
import { DealDocument, PipelineDocument } from '@crm/projections';
import { ReadModels } from '../read-models';
import { DealFigureRows } from '../reports/deal-figure-rows';
import { compareText } from './compare';
import { listDeals } from './lists';
import { sumByCurrency } from './money-totals';
import { pipelineBoard } from './pipeline-board';
import { BOARD_PIPELINE, seedBoardHistory } from './pipeline-board.scenario';
import { readCollections } from './read-model-collections';
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

describe('pipelineBoard over a seeded history', () => {
  let world: ViewsWorld;
  let openDeals: DealDocument[];
  let pipeline: PipelineDocument;
  /** A row rule the rows cannot answer (not "owner = X"), that still lets every open deal be seen. */
  const scanning = (): ReadModels =>
    world.readModels.within({ filters: { deal: { status: 'open' } } });
  const bySoonestClose = (a: DealDocument, b: DealDocument) =>
    compareText(a.expectedCloseDate, b.expectedCloseDate) || compareText(a.dealId, b.dealId);

  beforeAll(async () => {
    world = createViewsWorld();
    await seedBoardHistory(world);
    const collections = readCollections(world.readModels);
    openDeals = (
      await (await collections.deals()).find({ tenantId: TENANT, pipelineId: BOARD_PIPELINE })
    ).filter((deal) => deal.status === 'open');
    const found = await (await collections.pipelines()).find({ tenantId: TENANT });
    pipeline = found.find((p) => p.pipelineId === BOARD_PIPELINE) as PipelineDocument;
  });
  afterAll(() => world.close());
  afterEach(() => jest.restoreAllMocks());

  it('has the history it is about', async () => {
    const deals = await (
      await readCollections(world.readModels).deals()
    ).find({ tenantId: TENANT });
    const statuses = new Set(deals.map((deal) => deal.status));
    expect([...statuses].sort()).toEqual(['lost', 'open', 'won']);
    expect(openDeals.some((deal) => deal.reopenCount > 0)).toBe(true);
    expect(new Set(openDeals.map((deal) => deal.amount.currency))).toEqual(
      new Set(['EUR', 'USD', 'JPY']),
    );
    expect(new Set(openDeals.map((deal) => deal.ownerId)).size).toBe(3);
    expect(openDeals.filter((deal) => deal.stageId === 'legal').length).toBeGreaterThan(0);
    expect(pipeline.stages.find((stage) => stage.stageId === 'proposal')?.probability).toBe(0.35);
  });

  it.each([{}, { ownerId: 'user-2' }, { ownerId: 'nobody' }])(
    'counts and sums each column as its open deals, weighted by the current probability (%j)',
    async (filter) => {
      const rowsRead = jest.spyOn(DealFigureRows.prototype, 'open');
      const board = await pipelineBoard(world.readModels, TENANT, BOARD_PIPELINE, filter, NOW);
      expect(rowsRead).toHaveBeenCalled();
      const seen = openDeals.filter(
        (deal) => filter.ownerId === undefined || deal.ownerId === filter.ownerId,
      );
      const expectedColumns = [
        ...pipeline.stages.map((stage) => ({ ...stage, removed: false })),
        ...(seen.some((deal) => deal.stageId === 'legal')
          ? [{ stageId: 'legal', name: 'Legal', probability: 0.6, removed: true }]
          : []),
      ];
      expect(board?.stages.map((s) => [s.stageId, s.name, s.probability, s.removed])).toEqual(
        expectedColumns.map((s) => [s.stageId, s.name, s.probability, s.removed]),
      );
      for (const column of board?.stages ?? []) {
        const inStage = seen.filter((deal) => deal.stageId === column.stageId);
        expect(column).toMatchObject({
          count: inStage.length,
          total: sumByCurrency(inStage.map((deal) => ({ amount: deal.amount }))),
          weightedTotal: sumByCurrency(
            inStage.map((deal) => ({ amount: deal.amount, weight: column.probability })),
          ),
        });
      }
      expect(board?.totals.count).toBe(seen.length);
      expect(board?.totals.total).toEqual(
        sumByCurrency(seen.map((deal) => ({ amount: deal.amount }))),
      );
    },
  );

  it.each([{}, { ownerId: 'user-3' }, { perStage: 1 }, { ownerId: 'user-1', perStage: 3 }])(
    'answers from the rows exactly what scanning the deals answers (%j)',
    async (filter) => {
      const rowsRead = jest.spyOn(DealFigureRows.prototype, 'open');
      const fromScan = await pipelineBoard(scanning(), TENANT, BOARD_PIPELINE, filter, NOW);
      expect(rowsRead).not.toHaveBeenCalled();
      const fromRows = await pipelineBoard(world.readModels, TENANT, BOARD_PIPELINE, filter, NOW);
      expect(rowsRead).toHaveBeenCalled();
      expect(fromRows).toEqual(fromScan);
      expect(fromRows?.totals.count).toBeGreaterThan(0);
    },
  );

  it.each([
    { perStage: 2, ownerId: undefined },
    { perStage: 1, ownerId: 'user-2' },
  ])(
    'lists perStage deals per column, soonest close first, and its cursor pages on through every open deal once (%j)',
    async ({ perStage, ownerId }) => {
      const board = await pipelineBoard(
        world.readModels,
        TENANT,
        BOARD_PIPELINE,
        { perStage, ownerId },
        NOW,
      );
      const listed: string[] = [];
      for (const column of board?.stages ?? []) {
        expect(column.deals.length).toBeLessThanOrEqual(perStage);
        const ids = column.deals.map((deal) => deal.dealId);
        let cursor = column.nextCursor;
        expect(column.hasMore).toBe(cursor !== undefined);
        while (cursor !== undefined) {
          const page = await listDeals(world.readModels, TENANT, {
            pipelineId: BOARD_PIPELINE,
            stageId: column.stageId,
            status: 'open',
            ownerId,
            sort: 'expectedCloseDate',
            limit: perStage,
            cursor,
          });
          ids.push(...page.items.map((deal) => deal.dealId));
          cursor = page.nextCursor;
        }
        const expected = openDeals
          .filter((deal) => deal.stageId === column.stageId)
          .filter((deal) => ownerId === undefined || deal.ownerId === ownerId)
          .sort(bySoonestClose)
          .map((deal) => deal.dealId);
        expect(ids).toEqual(expected);
        expect(column.hasMore).toBe(expected.length > perStage);
        listed.push(...ids);
      }
      const everyOpen = openDeals.filter(
        (deal) => ownerId === undefined || deal.ownerId === ownerId,
      );
      expect(listed.sort()).toEqual(everyOpen.map((deal) => deal.dealId).sort());
    },
  );

  it('defaults to 20 deals per column', async () => {
    const board = await pipelineBoard(world.readModels, TENANT, BOARD_PIPELINE, {}, NOW);
    const counts = board?.stages.map((column) => [column.deals.length, column.hasMore]);
    expect(counts).toEqual(
      board?.stages.map((column) => [Math.min(column.count, 20), column.count > 20]),
    );
    expect(board?.stages.some((column) => column.hasMore)).toBe(true);
  });

  it('pages a column on from its cursor without repeats when deals open meanwhile (runs last: it writes)', async () => {
    const board = await pipelineBoard(
      world.readModels,
      TENANT,
      BOARD_PIPELINE,
      { perStage: 3 },
      NOW,
    );
    const first = board?.stages.find((column) => column.stageId === 'negotiation');
    expect(first?.nextCursor).toBeDefined();
    const before = openDeals
      .filter((deal) => deal.stageId === 'negotiation')
      .sort(bySoonestClose)
      .map((deal) => deal.dealId);
    for (const [dealId, expectedCloseDate] of [
      ['bd-early', '2026-02-01'],
      ['bd-late', '2026-12-31'],
    ]) {
      await openDeal(world, dealId, {
        pipelineId: BOARD_PIPELINE,
        accountId: 'a',
        amount: eur(1),
        stageId: 'negotiation',
        expectedCloseDate,
      });
    }
    await world.project();
    const rest: string[] = [];
    let cursor = first?.nextCursor;
    while (cursor !== undefined) {
      const page = await listDeals(world.readModels, TENANT, {
        pipelineId: BOARD_PIPELINE,
        stageId: 'negotiation',
        status: 'open',
        sort: 'expectedCloseDate',
        limit: 4,
        cursor,
      });
      rest.push(...page.items.map((deal) => deal.dealId));
      cursor = page.nextCursor;
    }
    expect(first?.deals.map((deal) => deal.dealId)).toEqual(before.slice(0, 3));
    expect(rest).toEqual([...before.slice(3), 'bd-late']);
  });
});
