import { amountProblem, Money, MoneyInput, moneyProblem, toMoney } from '../shared';
import { leadErrors } from './lead.errors';
import { LeadCommand, LeadContact } from './lead.commands';
import { LeadEvent } from './lead.events';
import { LeadState } from './lead.state';
import { decideScoreLead } from './lead-scoring.decide';
import { decideDecayLeadScore } from './lead-decay.decide';

type ExistingLead = Extract<LeadState, { exists: true }>;

const assertExists = (state: LeadState, leadId: string): ExistingLead => {
  if (!state.exists) throw leadErrors.notFound(leadId);
  return state;
};

/** A converted lead is history: it lives on as a contact (and maybe a deal). */
const assertNotConverted = (state: LeadState, leadId: string): ExistingLead => {
  const lead = assertExists(state, leadId);
  if (lead.status === 'converted') {
    throw leadErrors.rule('LEAD_CONVERTED', `lead ${leadId} is already converted`, {
      leadId,
      status: lead.status,
    });
  }
  return lead;
};

/** The converted deal's amount in minor units, refused when it is not exact in its currency. */
const dealAmount = (leadId: string, amount: MoneyInput): Money => {
  const problem = moneyProblem(amount) ?? amountProblem(amount);
  if (problem !== undefined) {
    throw leadErrors.rule('LEAD_INVALID_DEAL_AMOUNT', `the deal amount is invalid: ${problem}`, {
      leadId,
      amount: String(amount.amount),
      currency: amount.currency,
    });
  }
  return toMoney(amount);
};

const isFilled = (value: string | undefined): boolean =>
  value !== undefined && value.trim().length > 0;

/** The contact as plain JSON: fields left undefined are dropped. */
const cleanContact = (contact: LeadContact): LeadContact => ({
  firstName: contact.firstName,
  lastName: contact.lastName,
  ...(contact.email !== undefined ? { email: contact.email } : {}),
  ...(contact.phone !== undefined ? { phone: contact.phone } : {}),
  ...(contact.company !== undefined ? { company: contact.company } : {}),
  ...(contact.title !== undefined ? { title: contact.title } : {}),
  ...(contact.industry !== undefined ? { industry: contact.industry } : {}),
  ...(contact.companySize !== undefined ? { companySize: contact.companySize } : {}),
  ...(contact.country !== undefined ? { country: contact.country.toUpperCase() } : {}),
});

export const decideLead = (command: LeadCommand, state: LeadState): LeadEvent[] => {
  const now = command.metadata.now.toISOString();
  switch (command.type) {
    case 'CaptureLead': {
      const { leadId, source, campaignId, contact, initialScore = 0, ownerId } = command.data;
      if (state.exists) throw leadErrors.alreadyExists(leadId);
      if (!isFilled(contact.email) && !isFilled(contact.phone)) {
        throw leadErrors.rule(
          'LEAD_NO_CONTACT_CHANNEL',
          `lead ${leadId} needs an email or a phone to be reached`,
          { leadId },
        );
      }
      if (!Number.isInteger(initialScore)) {
        throw leadErrors.rule(
          'LEAD_INVALID_SCORE',
          `a lead score is an integer, not ${initialScore}`,
          {
            leadId,
            initialScore,
          },
        );
      }
      return [
        {
          type: 'LeadCaptured',
          data: {
            leadId,
            source,
            ...(campaignId !== undefined ? { campaignId } : {}),
            contact: cleanContact(contact),
            score: initialScore,
            ...(ownerId !== undefined ? { ownerId } : {}),
            capturedAt: now,
          },
        },
      ];
    }
    case 'AdjustLeadScore': {
      const { leadId, delta, reason } = command.data;
      const lead = assertNotConverted(state, leadId);
      if (delta === 0) {
        throw leadErrors.rule('LEAD_SCORE_DELTA_ZERO', 'a score adjustment of 0 changes nothing', {
          leadId,
        });
      }
      if (!Number.isInteger(delta)) {
        throw leadErrors.rule(
          'LEAD_SCORE_DELTA_NOT_INTEGER',
          `a score adjustment is an integer, not ${delta}`,
          { leadId, delta },
        );
      }
      return [
        { type: 'LeadScoreAdjusted', data: { leadId, delta, reason, score: lead.score + delta } },
      ];
    }
    case 'ScoreLead':
      return decideScoreLead(command, assertExists(state, command.data.leadId), now);
    case 'DecayLeadScore':
      return decideDecayLeadScore(
        command,
        assertExists(state, command.data.leadId),
        command.metadata.now,
      );
    case 'RecordLeadEngagement': {
      const lead = assertExists(state, command.data.leadId);
      // Engagement after the lead closed is the contact's, not the lead's.
      if (lead.status === 'converted' || lead.status === 'disqualified') return [];
      const { leadId, kind, at, sourceEventId } = command.data;
      return [{ type: 'LeadEngaged', data: { leadId, kind, at, sourceEventId } }];
    }
    case 'AssignLead': {
      const { leadId, ownerId } = command.data;
      const lead = assertNotConverted(state, leadId);
      if (ownerId === null) {
        if (lead.ownerId === undefined) return [];
        return [{ type: 'LeadUnassigned', data: { leadId, previousOwnerId: lead.ownerId } }];
      }
      if (lead.ownerId === ownerId) return [];
      return [
        {
          type: 'LeadAssigned',
          data: {
            leadId,
            ownerId,
            ...(lead.ownerId !== undefined ? { previousOwnerId: lead.ownerId } : {}),
          },
        },
      ];
    }
    case 'QualifyLead': {
      const { leadId, note } = command.data;
      const lead = assertNotConverted(state, leadId);
      if (lead.status === 'qualified') return [];
      return [
        {
          type: 'LeadQualified',
          data: { leadId, ...(note !== undefined ? { note } : {}), qualifiedAt: now },
        },
      ];
    }
    case 'DisqualifyLead': {
      const { leadId, reason } = command.data;
      const lead = assertNotConverted(state, leadId);
      if (lead.status === 'disqualified') return [];
      return [{ type: 'LeadDisqualified', data: { leadId, reason, disqualifiedAt: now } }];
    }
    case 'ConvertLead': {
      const { leadId, contactId, account, deal } = command.data;
      const lead = assertNotConverted(state, leadId);
      if (lead.status !== 'qualified') {
        throw leadErrors.rule(
          'LEAD_NOT_QUALIFIED',
          `lead ${leadId} is ${lead.status}, not qualified`,
          {
            leadId,
            status: lead.status,
          },
        );
      }
      return [
        {
          type: 'LeadConverted',
          data: {
            leadId,
            contactId,
            ...(account !== undefined ? { account: { ...account } } : {}),
            ...(deal !== undefined
              ? { deal: { ...deal, amount: dealAmount(leadId, deal.amount) } }
              : {}),
            contact: cleanContact(lead.contact),
            ...(lead.ownerId !== undefined ? { ownerId: lead.ownerId } : {}),
            source: lead.source,
            ...(lead.campaignId !== undefined ? { campaignId: lead.campaignId } : {}),
            convertedAt: now,
          },
        },
      ];
    }
  }
};
