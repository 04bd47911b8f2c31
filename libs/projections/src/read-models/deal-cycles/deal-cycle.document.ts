import { DealDocument } from '../deals/deals.document';
import { utcMonthOf } from '../deal-figures/deal-figure-rows';

/**
 * A deal with its sales cycle (from `openedAt` to `wonAt`) as index fields. Every document holds
 * all three, a deal that is not won neutral ones: an index whose fields every document holds is
 * plain, so the embedded store sorts, skips and limits on it in SQL (a missing field would make it
 * multikey-like for good), and a rank in a month reads one index entry, not the month's deals.
 */
export type DealCycleDocument = DealDocument & {
  cycleWon: boolean;
  /** The UTC month of `wonAt`, '' while not won. */
  cycleMonth: string;
  /** Milliseconds from opening to winning, 0 while not won. */
  cycleMs: number;
};

export const withSalesCycle = (deal: DealDocument): DealCycleDocument => {
  const won = deal.status === 'won' && deal.wonAt !== undefined;
  return {
    ...deal,
    cycleWon: won,
    cycleMonth: won ? utcMonthOf(deal.wonAt as string) : '',
    cycleMs: won ? Date.parse(deal.wonAt as string) - Date.parse(deal.openedAt) : 0,
  };
};
