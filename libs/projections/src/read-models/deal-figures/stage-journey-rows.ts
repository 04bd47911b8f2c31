import { RowContribution, rowIdFor } from '../../projection';
import { DealDocument } from '../deals/deals.document';

/**
 * The `stage` rows of the stage conversion report: per pipeline and stage a deal was ever in, how
 * many deals have the same status, are in that stage now or not, and visited the same stages after
 * their first stay in it (`after`, a sorted JSON list; '' for won deals, which advanced from every
 * stage anyway). That is all the report needs from a deal to count it under ANY stage order, so it
 * follows the pipeline's board as it is when queried (reordered, stages removed) from rows whose
 * number follows the pipeline's stages and the paths deals took, not the deals.
 */
export type StageJourneyRowKeys = {
  tenantId: string;
  row: 'stage';
  pipelineId: string;
  stageId: string;
  status: DealDocument['status'];
  /** 1 when the deal is in the stage now. */
  current: 0 | 1;
  after: string;
};

const stagesVisitedAfterFirstStay = (deal: DealDocument, stageId: string): string[] => {
  const firstStay = deal.stageHistory.findIndex((visit) => visit.stageId === stageId);
  const later = deal.stageHistory.slice(firstStay + 1).map((visit) => visit.stageId);
  return [...new Set(later)].sort();
};

export const stageJourneyRows = (deal: DealDocument): RowContribution[] => {
  const stages = new Set([...deal.stageHistory.map((visit) => visit.stageId), deal.stageId]);
  return [...stages].map((stageId) => {
    const keys: StageJourneyRowKeys = {
      tenantId: deal.tenantId,
      row: 'stage',
      pipelineId: deal.pipelineId,
      stageId,
      status: deal.status,
      current: deal.stageId === stageId ? 1 : 0,
      after:
        deal.status === 'won' ? '' : JSON.stringify(stagesVisitedAfterFirstStay(deal, stageId)),
    };
    return { id: rowIdFor(deal.tenantId, ...Object.values(keys)), keys, counters: { deals: 1n } };
  });
};
