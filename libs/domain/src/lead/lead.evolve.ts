import { LeadEvent } from './lead.events';
import { LeadState } from './lead.state';

export const evolveLead = (state: LeadState, event: LeadEvent): LeadState => {
  switch (event.type) {
    case 'LeadCaptured':
      return {
        exists: true,
        leadId: event.data.leadId,
        status: 'new',
        source: event.data.source,
        ...(event.data.campaignId !== undefined ? { campaignId: event.data.campaignId } : {}),
        contact: event.data.contact,
        score: event.data.score,
        ...(event.data.ownerId !== undefined ? { ownerId: event.data.ownerId } : {}),
      };
    case 'LeadScoreAdjusted':
      return state.exists ? { ...state, score: event.data.score } : state;
    case 'LeadAssigned':
      return state.exists ? { ...state, ownerId: event.data.ownerId } : state;
    case 'LeadUnassigned':
      return state.exists ? { ...state, ownerId: undefined } : state;
    case 'LeadQualified':
      return state.exists ? { ...state, status: 'qualified' } : state;
    case 'LeadDisqualified':
      return state.exists ? { ...state, status: 'disqualified' } : state;
    case 'LeadConverted':
      return state.exists ? { ...state, status: 'converted' } : state;
  }
};
