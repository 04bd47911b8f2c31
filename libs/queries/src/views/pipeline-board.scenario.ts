import {
  AddPipelineStage,
  ChangeDealAmount,
  ChangeDealExpectedClose,
  LoseDeal,
  MoveDealStage,
  OpenDeal,
  PipelineStage,
  RemovePipelineStage,
  ReopenDeal,
  SetPipelineStageProbability,
  WinDeal,
} from '@crm/domain';
import { definePipeline, STAGES, ViewsWorld } from './views.test-kit';

/**
 * A board's seeded history: 72 deals of three owners in three currencies (JPY has no minor
 * unit), with shared expected close dates (so the deal id breaks ties), moves, amount and close
 * date changes, wins, losses and reopenings, a stage probability changed, and a stage removed
 * while deals were still in it (the count that allows the removal raced with their moves).
 */
export const BOARD_PIPELINE = 'pb';

const LEGAL: PipelineStage = { stageId: 'legal', name: 'Legal', probability: 0.6 };
const WITH_LEGAL = [...STAGES, LEGAL];
const OWNERS = ['user-1', 'user-2', 'user-3'];
const CURRENCIES = ['EUR', 'USD', 'JPY'];
const CLOSE_DATES = ['2026-03-01', '2026-03-15', '2026-04-01', '2026-05-20'];

/** Deal ids in an order that is not the close order, so sorting is visible. */
const dealIdOf = (n: number): string => `bd-${String((n * 37) % 101).padStart(3, '0')}`;

export const seedBoardHistory = async (world: ViewsWorld): Promise<void> => {
  world.at('2026-01-02T09:00:00.000Z');
  await definePipeline(world, BOARD_PIPELINE);
  await world.send<AddPipelineStage>('pipeline', BOARD_PIPELINE, {
    type: 'AddPipelineStage',
    data: { pipelineId: BOARD_PIPELINE, stage: LEGAL },
  });
  for (let n = 0; n < 72; n += 1) {
    const dealId = dealIdOf(n);
    const currency = CURRENCIES[n % 3];
    world.at(`2026-01-${String(3 + (n % 20)).padStart(2, '0')}T09:00:00.000Z`);
    await world.send<OpenDeal>('deal', dealId, {
      type: 'OpenDeal',
      data: {
        dealId,
        title: `Board deal ${n}`,
        accountId: 'a',
        pipelineId: BOARD_PIPELINE,
        stageId: WITH_LEGAL[n % 4].stageId,
        amount: {
          amount: currency === 'JPY' ? 1000 + n * 7 : Number((100.01 * (n + 1)).toFixed(2)),
          currency,
        },
        expectedCloseDate: CLOSE_DATES[(n * 5) % 4],
        ownerId: OWNERS[(n * 2) % 3],
        pipelineStages: WITH_LEGAL,
      },
    });
    if (n % 5 === 1) {
      await world.send<MoveDealStage>('deal', dealId, {
        type: 'MoveDealStage',
        data: { dealId, stageId: 'negotiation', pipelineStages: WITH_LEGAL },
      });
    }
    if (n % 7 === 2) {
      await world.send<ChangeDealAmount>('deal', dealId, {
        type: 'ChangeDealAmount',
        data: {
          dealId,
          amount: { amount: 42.5 + n, currency: currency === 'JPY' ? 'EUR' : currency },
        },
      });
    }
    if (n % 6 === 3) {
      await world.send<ChangeDealExpectedClose>('deal', dealId, {
        type: 'ChangeDealExpectedClose',
        data: { dealId, expectedCloseDate: '2026-02-28' },
      });
    }
    if (n % 8 === 4)
      await world.send<WinDeal>('deal', dealId, { type: 'WinDeal', data: { dealId } });
    if (n % 8 === 5 || n % 8 === 6) {
      await world.send<LoseDeal>('deal', dealId, {
        type: 'LoseDeal',
        data: { dealId, reason: 'budget' },
      });
    }
    if (n % 8 === 6 || n % 16 === 4) {
      await world.send<ReopenDeal>('deal', dealId, {
        type: 'ReopenDeal',
        data: {
          dealId,
          ...(n % 3 === 0 && { stageId: 'proposal' }),
          pipelineStages: WITH_LEGAL,
        },
      });
    }
  }
  world.at('2026-01-25T09:00:00.000Z');
  await world.send<SetPipelineStageProbability>('pipeline', BOARD_PIPELINE, {
    type: 'SetPipelineStageProbability',
    data: { pipelineId: BOARD_PIPELINE, stageId: 'proposal', probability: 0.35 },
  });
  await world.send<RemovePipelineStage>('pipeline', BOARD_PIPELINE, {
    type: 'RemovePipelineStage',
    data: { pipelineId: BOARD_PIPELINE, stageId: 'legal', openDealsInStage: 0 },
  });
  await world.project();
};
