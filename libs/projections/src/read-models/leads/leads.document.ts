import { IsoDateTime, LeadContact, LeadStatus } from '@crm/domain';

/** The records a converted lead became. */
export type LeadConversionView = { contactId: string; accountId?: string; dealId?: string };

/** One lead, for lead lists, funnels and the lead view. */
export type LeadDocument = {
  _id: string;
  tenantId: string;
  leadId: string;
  source: string;
  campaignId?: string;
  contact: LeadContact;
  score: number;
  ownerId?: string;
  status: LeadStatus;
  capturedAt: IsoDateTime;
  /** The latest qualification (kept when the lead is later disqualified). */
  qualifiedAt?: IsoDateTime;
  qualificationNote?: string;
  /** The latest disqualification (kept when the lead is later qualified again). */
  disqualifiedAt?: IsoDateTime;
  disqualificationReason?: string;
  convertedAt?: IsoDateTime;
  conversion?: LeadConversionView;
  updatedAt: IsoDateTime;
  /** Search terms (`search-terms.ts`): a store field, never in an answer. */
  _search?: string[];
};
