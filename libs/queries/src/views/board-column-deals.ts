import { DealDocument } from '@crm/projections';
import { DocumentCollection } from '@crm/read-store';
import { encodeListCursor } from './lists/list-cursor';

/** How many deals a board column lists unless asked otherwise, and at most. */
export const DEFAULT_DEALS_PER_STAGE = 20;
export const MAX_DEALS_PER_STAGE = 100;

export type ColumnDeals = {
  deals: DealDocument[];
  /** Whether open deals follow the ones listed. */
  hasMore: boolean;
  /**
   * While more follow: the `cursor` of `GET /deals?pipelineId=&stageId=&status=open
   * &sort=expectedCloseDate` (with the same `ownerId`) for the page after the last deal listed.
   */
  nextCursor?: string;
};

/**
 * The first `perStage` open deals of one stage, the soonest expected to close first, then by
 * deal id: the order of `GET /deals?sort=expectedCloseDate`, whose cursor this gives. The
 * filter is equalities on the deals' `[tenantId, pipelineId, status, stageId,
 * expectedCloseDate, dealId]` index and the sort its last two fields, so the store orders and
 * limits (one more, to know whether more follow) instead of reading the stage's every deal.
 */
export const columnDeals = async (
  deals: DocumentCollection<DealDocument>,
  column: { tenantId: string; pipelineId: string; stageId: string; ownerId?: string },
  perStage: number,
): Promise<ColumnDeals> => {
  const found = (
    await deals.find(
      {
        tenantId: column.tenantId,
        pipelineId: column.pipelineId,
        status: 'open',
        stageId: column.stageId,
        ...(column.ownerId !== undefined && { ownerId: column.ownerId }),
      },
      { sort: { expectedCloseDate: 1, dealId: 1 }, limit: perStage + 1 },
    )
  ).filter((deal) => deal.tenantId === column.tenantId);
  const listed = found.slice(0, perStage);
  const last = listed.at(-1);
  const hasMore = found.length > perStage;
  return {
    deals: listed,
    hasMore,
    ...(hasMore &&
      last !== undefined && {
        nextCursor: encodeListCursor({ value: last.expectedCloseDate, id: last.dealId }),
      }),
  };
};
