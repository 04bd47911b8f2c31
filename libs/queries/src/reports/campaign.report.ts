import { CampaignChannel, divideMoney, MoneyInput, toMoneyInput } from '@crm/domain';
import {
  CampaignDocument,
  CampaignTouchCounts,
  DealDocument,
  LeadDocument,
} from '@crm/projections';
import { compareText } from '../views/compare';
import { CurrencyAmounts, sumPerCurrency } from './currency-amounts';
import { groupBy } from './grouping';

export type CampaignReportRow = {
  campaignId: string;
  name: string;
  channel: CampaignChannel;
  /** Current members. */
  members: number;
  /** Every touch ever recorded, by kind. */
  touches: CampaignTouchCounts;
  /** Leads captured for the campaign. */
  leads: number;
  /** Of those leads, the ones converted into a deal. */
  deals: number;
  /** Of those deals, the ones won now. */
  wonDeals: number;
  /** The won deals' amounts, per currency. */
  revenue: CurrencyAmounts;
  budget: MoneyInput;
  /** The budget divided by the leads, in the budget's currency, to cents; null without leads. */
  costPerLead: MoneyInput | null;
};

/** What a campaign's leads came to: how many, the deals they became, those won now. */
export type CampaignResults = Pick<CampaignReportRow, 'leads' | 'deals' | 'wonDeals' | 'revenue'>;

/** A campaign's report row: its own figures beside its results. */
export const campaignRowOf = (
  campaign: CampaignDocument,
  results: CampaignResults,
): CampaignReportRow => {
  const { budget } = campaign;
  return {
    campaignId: campaign.campaignId,
    name: campaign.name,
    channel: campaign.channel,
    members: campaign.memberCount,
    touches: { ...campaign.touchCounts },
    ...results,
    budget: toMoneyInput(budget),
    costPerLead: results.leads === 0 ? null : toMoneyInput(divideMoney(budget, results.leads)),
  };
};

/**
 * One row per campaign, by campaign id: its reach, the leads it brought, the deals those became
 * and what they won. `deals` are looked up by the leads' conversions (others are ignored).
 */
export const campaignReport = (
  campaigns: readonly CampaignDocument[],
  leads: readonly LeadDocument[],
  deals: readonly DealDocument[],
): CampaignReportRow[] => {
  const leadsByCampaign = groupBy(
    leads.filter((lead) => lead.campaignId !== undefined),
    (lead) => lead.campaignId ?? '',
  );
  const dealsById = new Map(deals.map((deal) => [deal.dealId, deal]));
  return [...campaigns]
    .sort((a, b) => compareText(a.campaignId, b.campaignId))
    .map((campaign) => {
      const campaignLeads = leadsByCampaign.get(campaign.campaignId) ?? [];
      const dealIds = campaignLeads.flatMap((lead) =>
        lead.conversion?.dealId === undefined ? [] : [lead.conversion.dealId],
      );
      const won = dealIds
        .map((dealId) => dealsById.get(dealId))
        .filter((deal): deal is DealDocument => deal !== undefined && deal.status === 'won');
      return campaignRowOf(campaign, {
        leads: campaignLeads.length,
        deals: dealIds.length,
        wonDeals: won.length,
        revenue: sumPerCurrency(won.map((deal) => deal.amount)),
      });
    });
};
