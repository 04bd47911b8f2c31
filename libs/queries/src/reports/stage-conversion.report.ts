import { DealDocument, PipelineDocument } from '@crm/projections';
import { compareText } from '../views/compare';
import { rate } from './statistics';

export type StageConversionRow = {
  stageId: string;
  /** The stage's name; a removed stage keeps the name it had, an unknown one shows its id. */
  name: string;
  /** True for a stage no longer in the pipeline (it only appears in deals' histories). */
  removed: boolean;
  /** Deals that were ever in the stage. */
  entered: number;
  /** Of those, deals that later entered a later stage, or that are won. */
  advanced: number;
  /** Lost deals whose last stage was this one. */
  lost: number;
  /** Open deals in the stage now. */
  stillOpen: number;
  /** advanced / entered */
  conversionRate: number | null;
  /** lost / entered */
  dropOffRate: number | null;
};

export type StageConversionReport = {
  pipelineId: string;
  name: string;
  /** The current stages in board order, then removed stages that deals went through, by id. */
  stages: StageConversionRow[];
};

/** The stages a deal was ever in. */
const stagesOf = (deal: DealDocument): Set<string> =>
  new Set([...deal.stageHistory.map((visit) => visit.stageId), deal.stageId]);

/**
 * Whether the deal moved on from `stageId`: it is won (winning comes after every stay), or after
 * its first stay in the stage it entered a stage further along the board. A removed stage has no
 * place on the board any more, so only winning counts as advancing from it, and entering it
 * never counts as advancing from another.
 */
const advancedFrom = (
  deal: DealDocument,
  stageId: string,
  boardIndex: ReadonlyMap<string, number>,
): boolean => {
  if (deal.status === 'won') return true;
  const index = boardIndex.get(stageId);
  if (index === undefined) return false;
  const firstStay = deal.stageHistory.findIndex((visit) => visit.stageId === stageId);
  return deal.stageHistory
    .slice(firstStay + 1)
    .some((visit) => (boardIndex.get(visit.stageId) ?? -1) > index);
};

/**
 * How deals of one pipeline went through its stages. Deals of other pipelines are ignored. A deal
 * that stayed in a stage twice counts once for it.
 */
export const stageConversion = (
  deals: readonly DealDocument[],
  pipeline: PipelineDocument,
): StageConversionReport => {
  const ofPipeline = deals
    .filter((deal) => deal.pipelineId === pipeline.pipelineId)
    .map((deal) => ({ deal, stages: stagesOf(deal) }));
  const boardIndex = new Map(pipeline.stages.map((stage, index) => [stage.stageId, index]));
  const removedNames = new Map(pipeline.removedStages.map((stage) => [stage.stageId, stage.name]));
  const offBoard = [...new Set(ofPipeline.flatMap(({ stages }) => [...stages]))]
    .filter((stageId) => !boardIndex.has(stageId))
    .sort(compareText);

  const rowFor = (stageId: string, name: string, removed: boolean): StageConversionRow => {
    const entered = ofPipeline.filter(({ stages }) => stages.has(stageId)).map(({ deal }) => deal);
    const now = (status: DealDocument['status']): number =>
      entered.filter((deal) => deal.status === status && deal.stageId === stageId).length;
    const advanced = entered.filter((deal) => advancedFrom(deal, stageId, boardIndex)).length;
    const lost = now('lost');
    return {
      stageId,
      name,
      removed,
      entered: entered.length,
      advanced,
      lost,
      stillOpen: now('open'),
      conversionRate: rate(advanced, entered.length),
      dropOffRate: rate(lost, entered.length),
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
