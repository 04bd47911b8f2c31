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

/**
 * The campaign report's rows: per tenant and campaign, `campaign` rows count the `leads` captured
 * for it and the `deals` their conversions opened; `campaign-won` rows, per currency too, count
 * the leads whose deal is won now (`deals`) and those deals' amounts (`amountMinor`, exact).
 */
export type CampaignLeadRowKeys = { tenantId: string; row: 'campaign'; campaignId: string };
export type CampaignWonRowKeys = {
  tenantId: string;
  row: 'campaign-won';
  campaignId: string;
  currency: string;
};

const rowOf = (
  keys: Record<string, string>,
  counters: Record<string, bigint>,
): RowContribution => ({
  id: rowIdFor(keys.tenantId, ...Object.values(keys)),
  keys,
  counters,
});

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

const campaignRows = (document: LeadFunnelDocument): RowContribution[] => {
  const { tenantId } = document;
  if (document.entry === 'lead') {
    if (document.campaignId === undefined) return [];
    const keys: CampaignLeadRowKeys = {
      tenantId,
      row: 'campaign',
      campaignId: document.campaignId,
    };
    return [rowOf(keys, { leads: 1n, deals: flag(document.dealId !== undefined) })];
  }
  const { wonAmount } = document;
  if (!document.won || wonAmount === undefined) return [];
  return document.leads.flatMap(({ campaignId }) => {
    if (campaignId === undefined) return [];
    const keys: CampaignWonRowKeys = {
      tenantId,
      row: 'campaign-won',
      campaignId,
      currency: wonAmount.currency,
    };
    return [rowOf(keys, { deals: 1n, amountMinor: BigInt(wonAmount.amountMinor) })];
  });
};

const funnelRows = (document: LeadFunnelDocument): RowContribution[] => {
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

/**
 * A lead adds to its source's and its campaign's funnel rows and to its campaign's row; a won
 * deal adds `won` for the leads converted into it, and its amount to their campaigns' won rows.
 */
export const leadFunnelRows = (document: LeadFunnelDocument): RowContribution[] => [
  ...funnelRows(document),
  ...campaignRows(document),
];
