import { Projection } from '../../projection';
import { dealsProjection } from '../deals/deals.projection';
import { DealCycleDocument, withSalesCycle } from './deal-cycle.document';

/**
 * `deal-cycles`: each deal as the deals projection keeps it, with its sales cycle as index fields
 * (`deal-cycle.document.ts`), so the sales cycle report reads the median and the 90th percentile
 * of a month by rank. Counts and sums come from the `cycle` rows of `deal-figures`; no rows here,
 * they would lack the index fields.
 */
export const dealCyclesProjection: Projection<DealCycleDocument> = {
  name: 'deal-cycles',
  version: 1,
  indexes: [
    { fields: ['tenantId', 'cycleWon', 'cycleMs'] },
    { fields: ['tenantId', 'cycleMonth', 'cycleMs'] },
  ],
  handles: dealsProjection.handles,
  documentIds: dealsProjection.documentIds,
  evolve: (current, event, documentId) => {
    const next = dealsProjection.evolve(current, event, documentId);
    if (next === undefined || next === null) return next;
    return next === current ? current : withSalesCycle(next);
  },
};
