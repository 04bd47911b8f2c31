import { EngagementKind, ScoringModel } from '../scoring';
import { Command, IsoDate, IsoDateTime, MoneyInput } from '../shared';

/** The person behind a lead, as captured. Reaching them needs an email or a phone. */
export type LeadContact = {
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
  company?: string;
  title?: string;
  /** Fit profile: the lead's industry, its company's employees (an integer >= 1), ISO 3166-1 alpha-2 country. */
  industry?: string;
  companySize?: number;
  country?: string;
};

/** Converting into an existing account, or into one created with `createWithName`. */
export type LeadConversionAccount = { accountId: string; createWithName?: string };

/** The deal a conversion opens; the application layer derives its id. */
export type LeadConversionDeal = {
  dealId: string;
  title: string;
  pipelineId: string;
  stageId: string;
  amount: MoneyInput;
  expectedCloseDate: IsoDate;
};

export type CaptureLead = Command<
  'CaptureLead',
  {
    leadId: string;
    source: string;
    campaignId?: string;
    contact: LeadContact;
    /** Defaults to 0. */
    initialScore?: number;
    ownerId?: string;
  }
>;
/** `delta` is a non-zero integer. */
export type AdjustLeadScore = Command<
  'AdjustLeadScore',
  { leadId: string; delta: number; reason: string }
>;
/** `ownerId: null` unassigns the lead. */
export type AssignLead = Command<'AssignLead', { leadId: string; ownerId: string | null }>;
export type QualifyLead = Command<'QualifyLead', { leadId: string; note?: string }>;
export type DisqualifyLead = Command<'DisqualifyLead', { leadId: string; reason: string }>;
/** The ids (contact, account, deal) come in the command: the application layer derives them. */
export type ConvertLead = Command<
  'ConvertLead',
  {
    leadId: string;
    contactId: string;
    account?: LeadConversionAccount;
    deal?: LeadConversionDeal;
  }
>;

/** Scores a lead by a version of its tenant's model; the application layer loads the model. */
export type ScoreLead = Command<'ScoreLead', { leadId: string; model: ScoringModel }>;

/** Takes the whole decay periods due by now from the lead's score, by a version's decay rule. */
export type DecayLeadScore = Command<'DecayLeadScore', { leadId: string; model: ScoringModel }>;

/**
 * The lead's contact engaged (`at`, as the source event says); `sourceEventId` is the event that
 * recorded it, so the lead's history names its cause.
 */
export type RecordLeadEngagement = Command<
  'RecordLeadEngagement',
  { leadId: string; kind: EngagementKind; at: IsoDateTime; sourceEventId: string }
>;

export type LeadCommand =
  | CaptureLead
  | AdjustLeadScore
  | ScoreLead
  | DecayLeadScore
  | RecordLeadEngagement
  | AssignLead
  | QualifyLead
  | DisqualifyLead
  | ConvertLead;
