import { RowContribution, rowIdFor } from '../../projection';
import { LeadFunnelDocument, LeadFunnelLink } from './lead-funnel.document';

export type LeadFunnelDimension = 'source' | 'campaign';

/** The funnel's group of leads that came from no campaign (as the report's `NO_CAMPAIGN`). */
export const NO_CAMPAIGN_KEY = '(none)';

/**
 * One `funnel` row per tenant, dimension (source or campaign) and key: `captured`, `qualified`,
 * `converted` and `won` leads (converted into a deal that is won now). The funnel has no period,
 * so the rows have none.
 */
export type LeadFunnelRowKeys = {
  tenantId: string;
  row: 'funnel';
  groupBy: LeadFunnelDimension;
  key: string;
};

const keysOf = (tenantId: string, lead: LeadFunnelLink): LeadFunnelRowKeys[] => [
  { tenantId, row: 'funnel', groupBy: 'source', key: lead.source },
  { tenantId, row: 'funnel', groupBy: 'campaign', key: lead.campaignId ?? NO_CAMPAIGN_KEY },
];

const contributions = (
  tenantId: string,
  lead: LeadFunnelLink,
  counters: Record<string, bigint>,
): RowContribution[] =>
  keysOf(tenantId, lead).map((keys) => ({
    id: rowIdFor(tenantId, keys.row, keys.groupBy, keys.key),
    keys,
    counters,
  }));

const flag = (set: boolean): bigint => (set ? 1n : 0n);

/** A lead adds to its source's and its campaign's rows; a won deal adds `won` for its leads. */
export const leadFunnelRows = (document: LeadFunnelDocument): RowContribution[] => {
  if (document.entry === 'lead') {
    return contributions(document.tenantId, document, {
      captured: 1n,
      qualified: flag(document.qualified || document.converted),
      converted: flag(document.converted),
    });
  }
  if (!document.won) return [];
  return document.leads.flatMap((lead) => contributions(document.tenantId, lead, { won: 1n }));
};
