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
  | LeadAssigned
  | LeadUnassigned
  | LeadQualified
  | LeadDisqualified
  | LeadConverted;
