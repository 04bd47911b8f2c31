import { IsoDateTime, LeadContact, LeadStatus } from '@crm/domain';

/** The records a converted lead became. */
export type LeadConversionView = { contactId: string; accountId?: string; dealId?: string };

/** Where a lead's score comes from: the score is the sum of the parts. */
export type LeadScoreBreakdown = {
  /** The score the lead was captured with. */
  initial: number;
  /** The sum of every adjustment by hand. */
  manual: number;
  /** Points by scoring-model rule, in the order the rules first gave some. */
  rules: { rule: string; points: number }[];
};

/** One lead, for lead lists, funnels and the lead view. */
export type LeadDocument = {
  _id: string;
  tenantId: string;
  leadId: string;
  source: string;
  campaignId?: string;
  contact: LeadContact;
  score: number;
  scoreBreakdown: LeadScoreBreakdown;
  /** The scoring-model version that scored the lead last. */
  scoringModelVersion?: number;
  /** When the score first reached a scoring model's threshold. */
  marketingQualifiedAt?: IsoDateTime;
  /** When a contact with the lead's email last engaged (`LeadEngaged`). */
  lastEngagedAt?: IsoDateTime;
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
  /** The contact email in lower case, which engagement is matched by: a store field. */
  _email?: string;
  /** When the lead's next decay period is due, while it has engagement points to lose: a store field. */
  _decayDueAt?: IsoDateTime;
  /** The due moment a disqualified lead keeps for when it is qualified again: a store field. */
  _decayHeldDueAt?: IsoDateTime;
  /** Search terms (`search-terms.ts`): a store field, never in an answer. */
  _search?: string[];
};
