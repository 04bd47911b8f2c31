import { DealStatus } from '@crm/domain';
import { dealFiguresProjection, PipelineDocument, RowDocument } from '@crm/projections';
import { ReadModels } from '../read-models';
import { compareText } from '../views/compare';
import { StageConversionReport, StageConversionRow } from './stage-conversion.report';
import { rate } from './statistics';

/** One `stage` row of `deal-figures` (`stage-journey-rows.ts`) with its number of deals. */
type StageJourney = {
  stageId: string;
  status: DealStatus;
  current: boolean;
  /** The stages visited after the first stay in `stageId`; empty for won deals. */
  after: string[];
  deals: number;
};

const journeysOf = async (
  readModels: ReadModels,
  tenantId: string,
  pipelineId: string,
): Promise<StageJourney[]> => {
  const rows = await readModels.collection<RowDocument>(dealFiguresProjection.name);
  const found = await rows.find({ tenantId, row: 'stage', pipelineId });
  return found.flatMap((row) => {
    const deals = Number(row.counters.deals ?? '0');
    if (deals === 0) return [];
    const after = String(row.after);
    return [
      {
        stageId: String(row.stageId),
        status: row.status as DealStatus,
        current: row.current === 1,
        after: after === '' ? [] : (JSON.parse(after) as string[]),
        deals,
      },
    ];
  });
};

/**
 * `stageConversion` from the `stage` rows of the pipeline, counted under the board's order now:
 * a journey advanced from its stage when the deal is won, or when a stage it visited after its
 * first stay there is further along the board (a removed stage has no place: only winning counts).
 */
export const stageConversionFromRows = async (
  readModels: ReadModels,
  tenantId: string,
  pipeline: PipelineDocument,
): Promise<StageConversionReport> => {
  const journeys = await journeysOf(readModels, tenantId, pipeline.pipelineId);
  const boardIndex = new Map(pipeline.stages.map((stage, index) => [stage.stageId, index]));
  const removedNames = new Map(pipeline.removedStages.map((stage) => [stage.stageId, stage.name]));
  const offBoard = [...new Set(journeys.map((journey) => journey.stageId))]
    .filter((stageId) => !boardIndex.has(stageId))
    .sort(compareText);

  const advanced = (journey: StageJourney): boolean => {
    if (journey.status === 'won') return true;
    const index = boardIndex.get(journey.stageId);
    if (index === undefined) return false;
    return journey.after.some((stageId) => (boardIndex.get(stageId) ?? -1) > index);
  };
  const rowFor = (stageId: string, name: string, removed: boolean): StageConversionRow => {
    const ofStage = journeys.filter((journey) => journey.stageId === stageId);
    const deals = (matches: (journey: StageJourney) => boolean): number =>
      ofStage.filter(matches).reduce((sum, journey) => sum + journey.deals, 0);
    const entered = deals(() => true);
    const advancedDeals = deals(advanced);
    const lost = deals((journey) => journey.status === 'lost' && journey.current);
    return {
      stageId,
      name,
      removed,
      entered,
      advanced: advancedDeals,
      lost,
      stillOpen: deals((journey) => journey.status === 'open' && journey.current),
      conversionRate: rate(advancedDeals, entered),
      dropOffRate: rate(lost, entered),
    };
  };

  return {
    pipelineId: pipeline.pipelineId,
    name: pipeline.name,
    stages: [
      ...pipeline.stages.map((stage) => rowFor(stage.stageId, stage.name, false)),
      ...offBoard.map((stageId) => rowFor(stageId, removedNames.get(stageId) ?? stageId, true)),
    ],
  };
};
