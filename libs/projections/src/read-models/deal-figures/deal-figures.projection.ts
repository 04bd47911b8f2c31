import { Projection } from '../../projection';
import { DealDocument } from '../deals/deals.document';
import { dealsProjection } from '../deals/deals.projection';
import { dealFigureRows } from './deal-figure-rows';
import { stageJourneyRows } from './stage-journey-rows';

/**
 * The deal reports' and the board's aggregate rows (`deal-figure-rows.ts`, `stage-journey-rows.ts`). Beside the rows, the
 * collection keeps each deal as the deals projection does: the runner needs a deal's previous
 * version to take back what it added to the rows before.
 */
export const dealFiguresProjection: Projection<DealDocument> = {
  name: 'deal-figures',
  version: 2,
  indexes: [
    { fields: ['tenantId', 'row', 'pipelineId', 'stageId'] },
    { fields: ['tenantId', 'row', 'ownerId'] },
  ],
  handles: dealsProjection.handles,
  documentIds: dealsProjection.documentIds,
  evolve: dealsProjection.evolve,
  rowsOf: (deal) => [...dealFigureRows(deal), ...stageJourneyRows(deal)],
};
