import { CampaignDocument } from '@crm/projections';
import { compareText } from '../views/compare';
import { campaignRowOf, CampaignReportRow } from './campaign.report';
import { sumTotalsPerCurrency } from './currency-amounts';
import { groupBy } from './grouping';
import { CampaignLeadRow, CampaignWonRow } from './lead-funnel-rows';

/**
 * `campaignReport` from the campaign rows of `lead-funnel` (leads and their deals per campaign,
 * won deals and amounts per campaign and currency) beside the campaigns' own documents
 * (lead-funnel-reports.spec.ts checks it against the scan).
 */
export const campaignReportFromRows = (
  campaigns: readonly CampaignDocument[],
  leadRows: readonly CampaignLeadRow[],
  wonRows: readonly CampaignWonRow[],
): CampaignReportRow[] => {
  const leadsOf = new Map(leadRows.map((row) => [row.campaignId, row]));
  const wonOf = groupBy(wonRows, (row) => row.campaignId);
  return [...campaigns]
    .sort((a, b) => compareText(a.campaignId, b.campaignId))
    .map((campaign) => {
      const leads = leadsOf.get(campaign.campaignId);
      const won = wonOf.get(campaign.campaignId) ?? [];
      return campaignRowOf(campaign, {
        leads: leads?.leads ?? 0,
        deals: leads?.deals ?? 0,
        wonDeals: won.reduce((total, row) => total + row.deals, 0),
        revenue: sumTotalsPerCurrency(
          won.map(({ amountMinor, currency }) => ({ amountMinor, currency })),
        ),
      });
    });
};
