import { LeadEvent, LeadScored } from './lead.events';
import { LeadState } from './lead.state';

const scored = (state: Extract<LeadState, { exists: true }>, event: LeadScored): LeadState => {
  const rulePoints = { ...state.rulePoints };
  for (const { rule, points } of event.data.changes) {
    const total = (rulePoints[rule] ?? 0) + points;
    if (total === 0) delete rulePoints[rule];
    else rulePoints[rule] = total;
  }
  return {
    ...state,
    score: event.data.score,
    rulePoints,
    scoredByVersion: event.data.modelVersion,
    ...(event.data.decay !== undefined ? { decay: event.data.decay } : {}),
  };
};

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
        rulePoints: {},
        marketingQualified: false,
        engagements: {},
        ...(event.data.ownerId !== undefined ? { ownerId: event.data.ownerId } : {}),
      };
    case 'LeadScoreAdjusted':
      return state.exists ? { ...state, score: event.data.score } : state;
    case 'LeadScored':
      return state.exists ? scored(state, event) : state;
    case 'LeadMarketingQualified':
      return state.exists ? { ...state, marketingQualified: true } : state;
    case 'LeadEngaged': {
      if (!state.exists) return state;
      const { kind, at } = event.data;
      const latest = state.lastEngagedAt !== undefined && state.lastEngagedAt > at;
      return {
        ...state,
        lastEngagedAt: latest ? state.lastEngagedAt : at,
        engagements: { ...state.engagements, [kind]: (state.engagements[kind] ?? 0) + 1 },
      };
    }
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
