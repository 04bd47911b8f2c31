import { CommandWithoutMetadata } from '@crm/application';
import {
  Command,
  LoseDeal,
  MoveDealStage,
  ReopenDeal,
  SetPipelineStageProbability,
  WinDeal,
  ChangeDealAmount,
  ChangeDealExpectedClose,
} from '@crm/domain';
import { DealDocument } from '@crm/projections';
import { ReadModels } from '../read-models';
import { ReadScope } from '../views/read-scope';
import { readCollections } from '../views/read-model-collections';
import {
  createContact,
  createViewsWorld,
  definePipeline,
  openDeal,
  STAGES,
  TENANT,
  ViewsWorld,
} from '../views/views.test-kit';
import { DateRange } from './date-range';
import { DealFigureRows } from './deal-figure-rows';
import { forecast } from './forecast.report';
import { ReportQueries } from './report-queries';
import { revenueByMonth } from './revenue-by-month.report';
import { currentStageProbability } from './stage-probabilities';
import { winRate } from './win-rate.report';
import { seededRandom } from './seeded-random.test-kit';

const seeded = seededRandom;

const OWNERS = ['ann', 'bob', 'cy'];
const CURRENCIES = ['EUR', 'USD'];
const DEALS = 40;
const STEPS = 260;

/**
 * Deals opened, moved, re-valued, rescheduled, won, lost and reopened at random, with the stage
 * probabilities changed on the way and the projections run now and then (rows then change across
 * batches, including decrements of rows a deal leaves).
 */
const randomHistory = async (world: ViewsWorld, seed: number): Promise<void> => {
  const random = seeded(seed);
  let time = Date.parse('2026-01-01T00:00:00.000Z');
  const tick = (): void => {
    time += random.int(36) * 3_600_000 + random.int(3_600_000);
    world.at(new Date(time).toISOString());
  };
  const send = async (
    kind: 'deal' | 'pipeline',
    id: string,
    command: CommandWithoutMetadata<Command>,
  ): Promise<void> => {
    tick();
    try {
      await world.send(kind, id, command);
    } catch {
      // Commands the deal's state refuses (win a lost deal, ...) are part of a random history.
    }
  };
  const closeDate = (): string =>
    `2026-0${1 + random.int(9)}-${String(1 + random.int(28)).padStart(2, '0')}`;
  await definePipeline(world, 'sales');
  await createContact(world, 'c1');
  for (let index = 0; index < DEALS; index += 1) {
    tick();
    await openDeal(world, `d${index}`, {
      pipelineId: 'sales',
      contactId: 'c1',
      stageId: random.pick(STAGES).stageId,
      amount: { amount: (1 + random.int(500_000)) / 100, currency: random.pick(CURRENCIES) },
      ownerId: random.pick(OWNERS),
      expectedCloseDate: closeDate(),
    });
  }
  for (let step = 0; step < STEPS; step += 1) {
    const dealId = `d${random.int(DEALS)}`;
    const choice = random.int(8);
    if (choice === 0) {
      const command: CommandWithoutMetadata<MoveDealStage> = {
        type: 'MoveDealStage',
        data: { dealId, stageId: random.pick(STAGES).stageId, pipelineStages: STAGES },
      };
      await send('deal', dealId, command);
    } else if (choice === 1) {
      const command: CommandWithoutMetadata<ChangeDealAmount> = {
        type: 'ChangeDealAmount',
        data: {
          dealId,
          amount: { amount: (1 + random.int(500_000)) / 100, currency: random.pick(CURRENCIES) },
        },
      };
      await send('deal', dealId, command);
    } else if (choice === 2) {
      const command: CommandWithoutMetadata<ChangeDealExpectedClose> = {
        type: 'ChangeDealExpectedClose',
        data: { dealId, expectedCloseDate: closeDate() },
      };
      await send('deal', dealId, command);
    } else if (choice === 3 || choice === 4) {
      const command: CommandWithoutMetadata<WinDeal> = { type: 'WinDeal', data: { dealId } };
      await send('deal', dealId, command);
    } else if (choice === 5) {
      const command: CommandWithoutMetadata<LoseDeal> = {
        type: 'LoseDeal',
        data: { dealId, reason: 'price' },
      };
      await send('deal', dealId, command);
    } else if (choice === 6) {
      const command: CommandWithoutMetadata<ReopenDeal> = {
        type: 'ReopenDeal',
        data: { dealId, pipelineStages: STAGES, stageId: random.pick(STAGES).stageId },
      };
      await send('deal', dealId, command);
    } else {
      const command: CommandWithoutMetadata<SetPipelineStageProbability> = {
        type: 'SetPipelineStageProbability',
        data: {
          pipelineId: 'sales',
          stageId: random.pick(STAGES).stageId,
          probability: random.int(101) / 100,
        },
      };
      await send('pipeline', 'sales', command);
    }
    if (step % 70 === 0) await world.project();
  }
  await world.project();
};

const RANGES: DateRange[] = [
  {},
  { from: new Date('2026-02-01T00:00:00.000Z') },
  { from: new Date('2026-01-01T00:00:00.000Z'), to: new Date('2026-03-01T00:00:00.000Z') },
  // Not at month starts: the rows cannot cut these, the deals are scanned.
  { from: new Date('2026-01-15T00:00:00.000Z'), to: new Date('2026-03-01T00:00:00.000Z') },
  { from: new Date('2026-01-20T06:30:00.000Z'), to: new Date('2026-02-10T18:00:00.000Z') },
];

/** The record-scanning reports over the deals the scope lets read: the oracle. */
const scanned = async (readModels: ReadModels) => {
  const collections = readCollections(readModels);
  const deals: DealDocument[] = await (await collections.deals()).find({ tenantId: TENANT });
  const pipelines = await (await collections.pipelines()).find({ tenantId: TENANT });
  return {
    winRate: (range: DateRange) => winRate(deals, range),
    revenueByMonth: (range: DateRange) => revenueByMonth(deals, range),
    forecast: () =>
      forecast(
        deals.filter((deal) => deal.status === 'open'),
        currentStageProbability(pipelines),
      ),
    deals,
  };
};

const expectSameAnswers = async (readModels: ReadModels): Promise<void> => {
  const oracle = await scanned(readModels);
  const reports = new ReportQueries(readModels);
  for (const range of RANGES) {
    expect(await reports.winRate(TENANT, range)).toEqual(oracle.winRate(range));
    expect(await reports.revenueByMonth(TENANT, range)).toEqual(oracle.revenueByMonth(range));
  }
  expect(await reports.forecast(TENANT)).toEqual(oracle.forecast());
};

describe('deal reports from the rows of deal-figures', () => {
  let world: ViewsWorld;

  beforeAll(async () => {
    world = createViewsWorld();
    await randomHistory(world, 10);
  }, 60_000);
  afterAll(() => world.close());
  afterEach(() => jest.restoreAllMocks());

  it('the generated history has won, lost, reopened and open deals to count', async () => {
    const { deals } = await scanned(world.readModels);
    const statuses = new Set(deals.map((deal) => deal.status));
    expect(statuses).toEqual(new Set(['open', 'won', 'lost']));
    expect(deals.some((deal) => deal.reopenCount > 0)).toBe(true);
    expect(new Set(deals.map((deal) => deal.amount.currency)).size).toBe(2);
  });

  it('answers every deal report as the record scan does, from the rows', async () => {
    const closed = jest.spyOn(DealFigureRows.prototype, 'closed');
    const open = jest.spyOn(DealFigureRows.prototype, 'open');
    await expectSameAnswers(world.readModels);
    expect(closed).toHaveBeenCalled();
    expect(open).toHaveBeenCalled();
  });

  it('answers an "owner = me" scope from the rows of that owner', async () => {
    const scope: ReadScope = { filters: { deal: { ownerId: 'ann' } } };
    const scoped = world.readModels.within(scope);
    const won = jest.spyOn(DealFigureRows.prototype, 'won');
    expect(await new DealFigureRows(scoped).answerable()).toBe(true);
    await expectSameAnswers(scoped);
    expect(won).toHaveBeenCalled();
    const report = await new ReportQueries(scoped).winRate(TENANT);
    expect(report.owners.map((owner) => owner.ownerId)).toEqual(['ann']);
  });

  it('scans the deals for a scope the rows cannot answer', async () => {
    const scope: ReadScope = {
      filters: { deal: { $or: [{ ownerId: 'ann' }, { ownerId: 'cy' }] } },
    };
    const scoped = world.readModels.within(scope);
    const rowReads = [
      jest.spyOn(DealFigureRows.prototype, 'won'),
      jest.spyOn(DealFigureRows.prototype, 'closed'),
      jest.spyOn(DealFigureRows.prototype, 'open'),
    ];
    expect(await new DealFigureRows(scoped).answerable()).toBe(false);
    await expectSameAnswers(scoped);
    for (const read of rowReads) expect(read).not.toHaveBeenCalled();
    const report = await new ReportQueries(scoped).winRate(TENANT);
    expect(report.owners.map((owner) => owner.ownerId)).toEqual(['ann', 'cy']);
  });
});
