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
      ownerId?: string;
    };

export const initialLeadState = (): LeadState => ({ exists: false });
