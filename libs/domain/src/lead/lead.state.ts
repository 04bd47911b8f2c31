import { EngagementCounts } from '../scoring';
import { LeadDecay } from './lead.events';
import { LeadContact } from './lead.commands';

export type LeadStatus = 'new' | 'qualified' | 'disqualified' | 'converted';

export type LeadState =
  | { exists: false }
  | {
      exists: true;
      leadId: string;
      status: LeadStatus;
      source: string;
      campaignId?: string;
      contact: LeadContact;
      score: number;
      /** Points each scoring rule has given the lead, by rule id. */
      rulePoints: Record<string, number>;
      /** The model version that scored the lead last. */
      scoredByVersion?: number;
      marketingQualified: boolean;
      /** Engagements by kind, which engagement rules score. */
      engagements: EngagementCounts;
      /** The latest engagement's moment, which decay counts from. */
      lastEngagedAt?: string;
      decay?: LeadDecay;
      ownerId?: string;
    };

export const initialLeadState = (): LeadState => ({ exists: false });
