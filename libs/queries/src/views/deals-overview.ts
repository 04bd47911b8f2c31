import { DealDocument } from '@crm/projections';
import { MoneyTotals, sumByCurrency } from './money-totals';
import { dealSummary, DealSummary } from './record-summaries';
import { compareText } from './compare';

export type DealsOverview = {
  /** Open deals, the soonest expected to close first. */
  open: DealSummary[];
  /** Won and lost deals, the latest closed first. */
  won: DealSummary[];
  lost: DealSummary[];
  /** The amounts of the won deals, per currency. */
  lifetimeValue: MoneyTotals;
};

const byExpectedClose = (a: DealDocument, b: DealDocument): number =>
  compareText(a.expectedCloseDate, b.expectedCloseDate) || compareText(a.dealId, b.dealId);

const latestClosedFirst = (a: DealDocument, b: DealDocument): number =>
  compareText(b.closedAt ?? '', a.closedAt ?? '') || compareText(a.dealId, b.dealId);

/** Deals split by status, with the lifetime value (the sum of the won ones). */
export const dealsOverview = (deals: readonly DealDocument[]): DealsOverview => {
  const withStatus = (status: DealDocument['status']) =>
    deals.filter((deal) => deal.status === status);
  const won = withStatus('won');
  return {
    open: withStatus('open').sort(byExpectedClose).map(dealSummary),
    won: won.sort(latestClosedFirst).map(dealSummary),
    lost: withStatus('lost').sort(latestClosedFirst).map(dealSummary),
    lifetimeValue: sumByCurrency(won.map((deal) => ({ amount: deal.amount }))),
  };
};
