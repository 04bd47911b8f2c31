import { IsoDate, MoneyInput, toMoneyInput } from '@crm/domain';
import { DealDocument, PipelineDocument, PipelineStageView } from '@crm/projections';
import { ReadModels } from '../read-models';
import { compareText } from './compare';
import { MoneyTotals, sumByCurrency } from './money-totals';
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

export type BoardTotals = {
  count: number;
  total: MoneyTotals;
  /** Each amount times the probability of its column's stage, per currency. */
  weightedTotal: MoneyTotals;
};

/** One stage of the pipeline with its open deals, the soonest expected to close first. */
export type BoardColumn = PipelineStageView & {
  /** True for a column of a stage no longer in the pipeline that still holds open deals. */
  removed: boolean;
  deals: BoardDeal[];
} & BoardTotals;

export type PipelineBoard = {
  pipelineId: string;
  name: string;
  ownerId: string | null;
  stages: BoardColumn[];
  totals: BoardTotals;
};

export type PipelineBoardFilter = { ownerId?: string };

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

const bySoonestClose = (a: DealDocument, b: DealDocument): number =>
  compareText(a.expectedCloseDate, b.expectedCloseDate) || compareText(a.dealId, b.dealId);

const column = (
  stage: PipelineStageView,
  removed: boolean,
  deals: readonly DealDocument[],
  now: Date,
): BoardColumn => ({
  stageId: stage.stageId,
  name: stage.name,
  probability: stage.probability,
  removed,
  deals: [...deals].sort(bySoonestClose).map((deal) => boardDeal(deal, now)),
  count: deals.length,
  total: sumByCurrency(deals.map((deal) => ({ amount: deal.amount }))),
  weightedTotal: sumByCurrency(
    deals.map((deal) => ({ amount: deal.amount, weight: stage.probability })),
  ),
});

/** Open deals in stages the pipeline no longer has (named from `removedStages` where known). */
const leftoverStages = (pipeline: PipelineDocument, stageIds: readonly string[]) =>
  stageIds
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
 * The pipeline's board at `now`: its stages in order, each with its open deals (of one owner when
 * asked), their count, total and weighted total per currency, and the board's totals. Null when
 * the pipeline does not exist for the tenant.
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
  const deals = (
    await (
      await collections.deals()
    ).find({
      tenantId,
      pipelineId,
      status: 'open',
      ...(filter.ownerId !== undefined && { ownerId: filter.ownerId }),
    })
  ).filter((deal) => deal.tenantId === tenantId);
  const inStage = (stageId: string) => deals.filter((deal) => deal.stageId === stageId);
  const stages = [
    ...pipeline.stages.map((stage) => column(stage, false, inStage(stage.stageId), now)),
    ...leftoverStages(pipeline, [...new Set(deals.map((deal) => deal.stageId))]).map((stage) =>
      column(stage, true, inStage(stage.stageId), now),
    ),
  ];
  return {
    pipelineId: pipeline.pipelineId,
    name: pipeline.name,
    ownerId: filter.ownerId ?? null,
    stages,
    totals: {
      count: deals.length,
      total: sumByCurrency(deals.map((deal) => ({ amount: deal.amount }))),
      weightedTotal: sumByCurrency(
        stages.flatMap((stage) =>
          inStage(stage.stageId).map((deal) => ({
            amount: deal.amount,
            weight: stage.probability,
          })),
        ),
      ),
    },
  };
};
