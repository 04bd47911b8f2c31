import { Money } from '@crm/domain';

/** How far one lead got, for the funnel's rows (source and campaign never change after capture). */
export type LeadFunnelLeadDocument = {
  _id: string;
  tenantId: string;
  entry: 'lead';
  leadId: string;
  source: string;
  campaignId?: string;
  /** Ever qualified (a later disqualification keeps it, as the lead's `qualifiedAt`). */
  qualified: boolean;
  converted: boolean;
  /** The deal its conversion opened, if any. */
  dealId?: string;
};

/** A lead a conversion turned into the deal, as the `LeadConverted` event names it. */
export type LeadFunnelLink = { leadId: string; source: string; campaignId?: string };

/**
 * One deal that leads were converted into, or that was won: whether it is won now and the leads
 * it came from. The deal events name only the deal, so this is where they meet the leads.
 */
export type LeadFunnelDealDocument = {
  _id: string;
  tenantId: string;
  entry: 'deal';
  dealId: string;
  won: boolean;
  /** What it was won at (a won deal's amount cannot change until it is reopened). */
  wonAmount?: Money;
  leads: LeadFunnelLink[];
};

export type LeadFunnelDocument = LeadFunnelLeadDocument | LeadFunnelDealDocument;
