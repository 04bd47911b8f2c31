import { IsoDate, IsoDateTime } from '@crm/domain';
import { RowContribution, rowIdFor } from '../../projection';
import { DealDocument } from '../deals/deals.document';

/**
 * The aggregate rows of the deal reports and the stage rule. Each row is one combination of
 * dimensions with `deals` (how many) and `amountMinor` (their amounts, exact minor units):
 * - `open`: open deals per pipeline, stage, entry probability, month of the expected close,
 *   currency and owner (the forecast, the open deals of a stage);
 * - `closed`: won and lost deals per status, owner, UTC month of closing and currency (win rate);
 * - `won`: won deals per owner, UTC month of `wonAt` and currency (revenue);
 * - `cycle`: won deals per UTC month of `wonAt`, `cycleMs` their sales cycles' sum in milliseconds
 *   (the sales cycle's counts and averages);
 * - `stage`: the stage conversion's, see `stage-journey-rows.ts`.
 * Months, not days: the reports group by month, and a month keeps the rows few (a query over a
 * period that does not start and end at month starts reads the deals instead).
 */
export type DealRowKind = 'open' | 'closed' | 'won' | 'cycle' | 'stage';

export type OpenDealRowKeys = {
  tenantId: string;
  row: 'open';
  pipelineId: string;
  stageId: string;
  probability: number;
  month: string;
  currency: string;
  ownerId: string;
};

export type ClosedDealRowKeys = {
  tenantId: string;
  row: 'closed';
  status: 'won' | 'lost';
  ownerId: string;
  month: string;
  currency: string;
};

export type WonDealRowKeys = {
  tenantId: string;
  row: 'won';
  ownerId: string;
  month: string;
  currency: string;
};

export type SalesCycleRowKeys = { tenantId: string; row: 'cycle'; month: string };

/** The UTC month of an instant or a date, `YYYY-MM` (as the reports' `monthOf`). */
export const utcMonthOf = (at: IsoDateTime | IsoDate): string =>
  new Date(at).toISOString().slice(0, 7);

const contribution = (
  deal: DealDocument,
  keys: Record<string, string | number>,
): RowContribution => ({
  id: rowIdFor(deal.tenantId, ...Object.values(keys)),
  keys,
  counters: { deals: 1n, amountMinor: BigInt(deal.amount.amountMinor) },
});

/** When a won or lost deal closed (the win rate's closing); undefined while open. */
export const closingOf = (deal: DealDocument): IsoDateTime | undefined => {
  if (deal.status === 'won') return deal.closedAt ?? deal.wonAt;
  if (deal.status === 'lost') return deal.closedAt ?? deal.lostAt;
  return undefined;
};

/** The rows one deal adds to: one while open, one or two once closed. */
export const dealFigureRows = (deal: DealDocument): RowContribution[] => {
  const { tenantId, ownerId } = deal;
  const { currency } = deal.amount;
  if (deal.status === 'open') {
    const keys: OpenDealRowKeys = {
      tenantId,
      row: 'open',
      pipelineId: deal.pipelineId,
      stageId: deal.stageId,
      probability: deal.probability,
      month: utcMonthOf(deal.expectedCloseDate),
      currency,
      ownerId,
    };
    return [contribution(deal, keys)];
  }
  const rows: RowContribution[] = [];
  const closedAt = closingOf(deal);
  if (closedAt !== undefined) {
    const keys: ClosedDealRowKeys = {
      tenantId,
      row: 'closed',
      status: deal.status,
      ownerId,
      month: utcMonthOf(closedAt),
      currency,
    };
    rows.push(contribution(deal, keys));
  }
  if (deal.status === 'won' && deal.wonAt !== undefined) {
    const keys: WonDealRowKeys = {
      tenantId,
      row: 'won',
      ownerId,
      month: utcMonthOf(deal.wonAt),
      currency,
    };
    rows.push(contribution(deal, keys));
    const cycleKeys: SalesCycleRowKeys = { tenantId, row: 'cycle', month: keys.month };
    rows.push({
      id: rowIdFor(tenantId, ...Object.values(cycleKeys)),
      keys: cycleKeys,
      counters: { deals: 1n, cycleMs: BigInt(Date.parse(deal.wonAt) - Date.parse(deal.openedAt)) },
    });
  }
  return rows;
};
