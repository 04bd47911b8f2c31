import {
  DECAY_RULE_ID,
  emailDomainOf,
  engagementPoints,
  FitAttributes,
  fitPoints,
  isFreeMailDomain,
  RulePoints,
} from '../scoring';
import { ScoreLead } from './lead.commands';
import { LeadEvent } from './lead.events';
import { LeadState } from './lead.state';
import { decayAfter, decayedPeriods, decayField } from './lead-decay';

type ExistingLead = Extract<LeadState, { exists: true }>;

const fitAttributesOf = (lead: ExistingLead): FitAttributes => {
  const emailDomain = emailDomainOf(lead.contact.email);
  return {
    source: lead.source,
    campaignId: lead.campaignId,
    title: lead.contact.title,
    company: lead.contact.company,
    emailDomain,
    industry: lead.contact.industry,
    companySize: lead.contact.companySize,
    country: lead.contact.country,
    freeMailDomain: emailDomain === undefined ? undefined : String(isFreeMailDomain(emailDomain)),
  };
};

/** What takes the lead's rule points to the target: rules no longer matched give theirs back. */
const changesTowards = (current: Record<string, number>, target: RulePoints[]): RulePoints[] => {
  const wanted = new Map<string, number>();
  for (const { rule, points } of target) wanted.set(rule, (wanted.get(rule) ?? 0) + points);
  const rules = [...new Set([...Object.keys(current), ...wanted.keys()])];
  return rules
    .map((rule) => ({ rule, points: (wanted.get(rule) ?? 0) - (current[rule] ?? 0) }))
    .filter((change) => change.points !== 0);
};

/**
 * Scores an open lead by a model version: the fit rules' points and the engagement rules' points
 * (per engagement the lead has had) replace those of the version before, and reaching the threshold makes the lead marketing-qualified, once. A version older
 * than the one that scored the lead last changes nothing, nor does scoring a closed lead.
 */
export const decideScoreLead = (
  command: ScoreLead,
  lead: ExistingLead,
  now: string,
): LeadEvent[] => {
  const { model } = command.data;
  if (lead.status === 'converted' || lead.status === 'disqualified') return [];
  if (lead.scoredByVersion !== undefined && lead.scoredByVersion > model.version) return [];
  const engagement = engagementPoints(model.engagementRules, lead.engagements);
  const engaged = Math.max(
    0,
    engagement.reduce((sum, entry) => sum + entry.points, 0),
  );
  // Decay taken already stays taken, but never more than the engagement points the version gives.
  const decayed = Math.max(lead.rulePoints[DECAY_RULE_ID] ?? 0, -engaged);
  const target = [
    ...fitPoints(model.fitRules, fitAttributesOf(lead)),
    ...engagement,
    ...(decayed !== 0 ? [{ rule: DECAY_RULE_ID, points: decayed }] : []),
  ];
  const changes = changesTowards(lead.rulePoints, target);
  const score = lead.score + changes.reduce((sum, change) => sum + change.points, 0);
  const decay = decayAfter(lead, model, decayedPeriods(lead), engaged + decayed);
  const decayMoved = JSON.stringify(decay) !== JSON.stringify(lead.decay);
  const events: LeadEvent[] = [];
  if (changes.length > 0 || lead.scoredByVersion !== model.version || decayMoved) {
    events.push({
      type: 'LeadScored',
      data: {
        leadId: lead.leadId,
        modelVersion: model.version,
        changes,
        score,
        ...decayField(decay),
      },
    });
  }
  if (!lead.marketingQualified && score >= model.threshold) {
    events.push({
      type: 'LeadMarketingQualified',
      data: {
        leadId: lead.leadId,
        modelVersion: model.version,
        score,
        threshold: model.threshold,
        qualifiedAt: now,
      },
    });
  }
  return events;
};
