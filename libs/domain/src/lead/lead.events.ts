import { EngagementKind, RulePoints } from '../scoring';
import { DomainEvent, IsoDateTime, Money } from '../shared';
import { LeadContact, LeadConversionAccount, LeadConversionDeal } from './lead.commands';

export type LeadCaptured = DomainEvent<
  'LeadCaptured',
  {
    leadId: string;
    source: string;
    campaignId?: string;
    contact: LeadContact;
    score: number;
    ownerId?: string;
    capturedAt: IsoDateTime;
  }
>;
export type LeadScoreAdjusted = DomainEvent<
  'LeadScoreAdjusted',
  { leadId: string; delta: number; reason: string; score: number }
>;
/**
 * A scoring model's rules moved the score: each change names its rule and the points it added
 * (negative: took away). `changes` is empty when a new model version agrees with the old one.
 */
/**
 * `periods` whole periods since the last engagement (`since`) have been decayed; the next is due
 * at `nextDueAt`, absent when the lead has no engagement points left to lose.
 */
export type LeadDecay = { since: IsoDateTime; periods: number; nextDueAt?: IsoDateTime };
export type LeadScored = DomainEvent<
  'LeadScored',
  {
    leadId: string;
    modelVersion: number;
    changes: RulePoints[];
    score: number;
    /** Where decay stands after the event, when the model decays (`LeadDecay`). */
    decay?: LeadDecay;
  }
>;
/** The score reached the model's threshold: marketing now counts the lead as qualified. */
export type LeadMarketingQualified = DomainEvent<
  'LeadMarketingQualified',
  {
    leadId: string;
    modelVersion: number;
    score: number;
    threshold: number;
    qualifiedAt: IsoDateTime;
  }
>;
/** The lead's contact engaged: the scoring process scores the lead again after it. */
export type LeadEngaged = DomainEvent<
  'LeadEngaged',
  { leadId: string; kind: EngagementKind; at: IsoDateTime; sourceEventId: string }
>;
export type LeadAssigned = DomainEvent<
  'LeadAssigned',
  { leadId: string; ownerId: string; previousOwnerId?: string }
>;
/** The lead's owner was cleared: nobody owns it now. */
export type LeadUnassigned = DomainEvent<
  'LeadUnassigned',
  { leadId: string; previousOwnerId: string }
>;
export type LeadQualified = DomainEvent<
  'LeadQualified',
  { leadId: string; note?: string; qualifiedAt: IsoDateTime }
>;
export type LeadDisqualified = DomainEvent<
  'LeadDisqualified',
  { leadId: string; reason: string; disqualifiedAt: IsoDateTime }
>;
/** The deal a conversion opens, its amount in minor units. */
export type LeadConvertedDeal = Omit<LeadConversionDeal, 'amount'> & { amount: Money };

/**
 * Carries everything a process manager needs to create the contact, the account and the deal
 * from the event alone.
 */
export type LeadConverted = DomainEvent<
  'LeadConverted',
  {
    leadId: string;
    contactId: string;
    account?: LeadConversionAccount;
    deal?: LeadConvertedDeal;
    contact: LeadContact;
    ownerId?: string;
    source: string;
    campaignId?: string;
    convertedAt: IsoDateTime;
  }
>;

export type LeadEvent =
  | LeadCaptured
  | LeadScoreAdjusted
  | LeadScored
  | LeadMarketingQualified
  | LeadEngaged
  | LeadAssigned
  | LeadUnassigned
  | LeadQualified
  | LeadDisqualified
  | LeadConverted;
