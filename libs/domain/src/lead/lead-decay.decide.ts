import { DECAY_RULE_ID } from '../scoring';
import { DecayLeadScore } from './lead.commands';
import { LeadEvent } from './lead.events';
import { LeadState } from './lead.state';
import { decayAfter, decayedPeriods, decayField, heldEngagementPoints } from './lead-decay';

type ExistingLead = Extract<LeadState, { exists: true }>;

/**
 * Takes `points` per whole period since the lead's last engagement not decayed yet, never more
 * than the engagement points it holds. Periods decayed already, a closed lead, a lead that never
 * engaged and a version older than the one that scored the lead last change nothing.
 */
export const decideDecayLeadScore = (
  command: DecayLeadScore,
  lead: ExistingLead,
  now: Date,
): LeadEvent[] => {
  const { model } = command.data;
  const rule = model.decay;
  if (lead.status === 'converted' || lead.status === 'disqualified') return [];
  if (lead.scoredByVersion !== undefined && lead.scoredByVersion > model.version) return [];
  if (rule === undefined || rule.everyMs <= 0 || lead.lastEngagedAt === undefined) return [];
  const periods = Math.floor((now.getTime() - Date.parse(lead.lastEngagedAt)) / rule.everyMs);
  const applied = decayedPeriods(lead);
  if (periods <= applied) return [];
  const held = Math.max(0, heldEngagementPoints(lead.rulePoints, model));
  const loss = Math.min((periods - applied) * rule.points, held);
  return [
    {
      type: 'LeadScored',
      data: {
        leadId: lead.leadId,
        modelVersion: model.version,
        changes: loss > 0 ? [{ rule: DECAY_RULE_ID, points: -loss }] : [],
        score: lead.score - loss,
        ...decayField(decayAfter(lead, model, periods, held - loss)),
      },
    },
  ];
};
