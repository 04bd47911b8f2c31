import { IsoDateTime } from '@crm/domain';
import { DealDocument, DealStageVisit } from '@crm/projections';
import { ReadModels } from '../read-models';
import { currentStageProbability } from '../reports/stage-probabilities';
import { quotesOf, QuoteSummary } from './quote-summaries';
import { readCollections } from './read-model-collections';
import { stageNames } from './stage-names';
import { ownDocument } from './tenant-documents';
import { daysBetween, wholeDaysBetween } from './time-spans';
import { View, viewOf } from './view-json';

/** One stay of the deal in a stage, named from the pipeline (also a stage removed since). */
export type DealStageStay = DealStageVisit & {
  /** The stage's name; its id when the pipeline does not know it. */
  stageName: string;
  /** True when the stage is no longer in the pipeline. */
  stageRemoved: boolean;
  /** Days in the stage, to two decimals: until it left, else until it closed, else until `now`. */
  durationDays: number;
};

export type DealDetail = {
  deal: View<DealDocument>;
  pipeline: { pipelineId: string; name: string } | null;
  stageName: string;
  stageHistory: DealStageStay[];
  /** Whole days in the current stage: until `now`, or until it closed for a won or lost deal. */
  daysInCurrentStage: number;
  /** Its quotes, newest first. */
  quotes: QuoteSummary[];
};

/** The deal with its stage history at `now`; null when the deal does not exist for the tenant. */
export const dealDetail = async (
  readModels: ReadModels,
  tenantId: string,
  dealId: string,
  now: Date,
): Promise<DealDetail | null> => {
  const collections = readCollections(readModels);
  const deal = await ownDocument(await collections.deals(), tenantId, dealId);
  if (deal === undefined) return null;
  const [pipeline, quotes] = await Promise.all([
    collections.pipelines().then((c) => ownDocument(c, tenantId, deal.pipelineId)),
    collections.quotes().then((c) => quotesOf(c, tenantId, 'dealId', dealId)),
  ]);
  const nameOf = stageNames(pipeline);
  const end: IsoDateTime =
    deal.status === 'open' ? now.toISOString() : (deal.closedAt ?? now.toISOString());
  // Weighed as the board and the forecast weigh it: by the probability its stage has now.
  const probability = currentStageProbability(pipeline ? [pipeline] : [])(deal);
  return {
    deal: viewOf({ ...deal, probability }),
    pipeline:
      pipeline === undefined ? null : { pipelineId: pipeline.pipelineId, name: pipeline.name },
    stageName: nameOf(deal.stageId).name,
    stageHistory: deal.stageHistory.map((visit) => ({
      ...visit,
      stageName: nameOf(visit.stageId).name,
      stageRemoved: nameOf(visit.stageId).removed,
      durationDays: daysBetween(visit.enteredAt, visit.leftAt ?? end),
    })),
    daysInCurrentStage: wholeDaysBetween(deal.stageEnteredAt, new Date(end)),
    quotes,
  };
};
