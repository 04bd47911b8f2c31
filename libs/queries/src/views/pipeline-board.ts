import { IsoDate, MoneyInput, toMoneyInput } from '@crm/domain';
import { DealDocument, PipelineDocument, PipelineStageView } from '@crm/projections';
import { ReadModels } from '../read-models';
import { DealFigureRows } from '../reports/deal-figure-rows';
import {
  BoardFigures,
  figuresFromDeals,
  figuresFromRows,
  NO_FIGURES,
  weighedFigures,
  WeighedFigures,
} from './board-figures';
import { columnDeals, ColumnDeals, DEFAULT_DEALS_PER_STAGE } from './board-column-deals';
import { readCollections } from './read-model-collections';
import { ownDocument } from './tenant-documents';
import { wholeDaysBetween } from './time-spans';

/** One open deal on a board column. */
export type BoardDeal = {
  dealId: string;
  title: string;
  amount: MoneyInput;
  ownerId: string;
  expectedCloseDate: IsoDate;
  accountId?: string;
  contactId?: string;
  /** Whole days since the deal entered its stage, at `now`. */
  daysInStage: number;
};

/** `weightedTotal`: each amount times the probability of its column's stage, per currency. */
export type BoardTotals = WeighedFigures;

/**
 * One stage of the pipeline: the figures of all its open deals, and the first of them, the
 * soonest expected to close first (`nextCursor` pages on through `GET /deals`).
 */
export type BoardColumn = PipelineStageView & {
  /** True for a column of a stage no longer in the pipeline that still holds open deals. */
  removed: boolean;
  deals: BoardDeal[];
  hasMore: boolean;
  nextCursor?: string;
} & BoardTotals;

export type PipelineBoard = {
  pipelineId: string;
  name: string;
  ownerId: string | null;
  stages: BoardColumn[];
  totals: BoardTotals;
};

export type PipelineBoardFilter = {
  ownerId?: string;
  /** How many deals each column lists (DEFAULT_DEALS_PER_STAGE when absent). */
  perStage?: number;
};

const boardDeal = (deal: DealDocument, now: Date): BoardDeal => ({
  dealId: deal.dealId,
  title: deal.title,
  amount: toMoneyInput(deal.amount),
  ownerId: deal.ownerId,
  expectedCloseDate: deal.expectedCloseDate,
  ...(deal.accountId !== undefined && { accountId: deal.accountId }),
  ...(deal.contactId !== undefined && { contactId: deal.contactId }),
  daysInStage: wholeDaysBetween(deal.stageEnteredAt, now),
});

/** Stages the pipeline no longer has that still hold open deals (named from `removedStages`). */
const leftoverStages = (pipeline: PipelineDocument, figures: BoardFigures): PipelineStageView[] =>
  [...figures.keys()]
    .filter((stageId) => !pipeline.stages.some((stage) => stage.stageId === stageId))
    .map(
      (stageId): PipelineStageView =>
        pipeline.removedStages.find((stage) => stage.stageId === stageId) ?? {
          stageId,
          name: stageId,
          probability: 0,
        },
    );

/**
 * The stage figures of the board's deals: from the `open` rows of `deal-figures` when they can
 * answer (built, and the caller's row rule on deals is none or "owner = X"), else from the open
 * deals the caller may read.
 */
const boardFigures = async (
  readModels: ReadModels,
  tenantId: string,
  pipelineId: string,
  ownerId: string | undefined,
): Promise<BoardFigures> => {
  const rows = new DealFigureRows(readModels);
  if (await rows.answerable()) {
    const filter = { pipelineId, ...(ownerId !== undefined && { ownerId }) };
    return figuresFromRows(await rows.open(tenantId, filter));
  }
  const deals = await (
    await readCollections(readModels).deals()
  ).find({ tenantId, pipelineId, status: 'open', ...(ownerId !== undefined && { ownerId }) });
  return figuresFromDeals(deals.filter((deal) => deal.tenantId === tenantId));
};

const column = (
  stage: PipelineStageView,
  removed: boolean,
  figures: BoardFigures,
  listed: ColumnDeals,
  now: Date,
): BoardColumn => ({
  stageId: stage.stageId,
  name: stage.name,
  probability: stage.probability,
  removed,
  deals: listed.deals.map((deal) => boardDeal(deal, now)),
  hasMore: listed.hasMore,
  ...(listed.nextCursor !== undefined && { nextCursor: listed.nextCursor }),
  ...weighedFigures([
    { figures: figures.get(stage.stageId) ?? NO_FIGURES, probability: stage.probability },
  ]),
});

/**
 * The pipeline's board at `now`: its stages in order, each with the count, total and weighted
 * total per currency of its open deals (of one owner when asked) and its first `perStage` deals,
 * and the board's totals. Its cost follows the stages and the deals listed, not the tenant's
 * deals. Null when the pipeline does not exist for the tenant.
 */
export const pipelineBoard = async (
  readModels: ReadModels,
  tenantId: string,
  pipelineId: string,
  filter: PipelineBoardFilter,
  now: Date,
): Promise<PipelineBoard | null> => {
  const collections = readCollections(readModels);
  const pipeline = await ownDocument(await collections.pipelines(), tenantId, pipelineId);
  if (pipeline === undefined) return null;
  const { ownerId, perStage = DEFAULT_DEALS_PER_STAGE } = filter;
  const [figures, deals] = await Promise.all([
    boardFigures(readModels, tenantId, pipelineId, ownerId),
    collections.deals(),
  ]);
  const shown = [
    ...pipeline.stages.map((stage) => ({ stage, removed: false })),
    ...leftoverStages(pipeline, figures).map((stage) => ({ stage, removed: true })),
  ];
  const stages = await Promise.all(
    shown.map(async ({ stage, removed }) => {
      const listed = await columnDeals(
        deals,
        { tenantId, pipelineId, stageId: stage.stageId, ownerId },
        perStage,
      );
      return column(stage, removed, figures, listed, now);
    }),
  );
  return {
    pipelineId: pipeline.pipelineId,
    name: pipeline.name,
    ownerId: ownerId ?? null,
    stages,
    totals: weighedFigures(
      shown.map(({ stage }) => ({
        figures: figures.get(stage.stageId) ?? NO_FIGURES,
        probability: stage.probability,
      })),
    ),
  };
};
