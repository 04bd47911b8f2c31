import { DECAY_RULE_ID, ScoringModel } from '../scoring';
import { LeadDecay } from './lead.events';
import { LeadState } from './lead.state';

type ExistingLead = Extract<LeadState, { exists: true }>;

/** The engagement rules' points the lead holds, less what decay took already. */
export const heldEngagementPoints = (
  rulePoints: Record<string, number>,
  model: ScoringModel,
): number =>
  model.engagementRules.reduce((sum, rule) => sum + (rulePoints[rule.id] ?? 0), 0) +
  (rulePoints[DECAY_RULE_ID] ?? 0);

/** Whole periods decayed since the lead's last engagement (none after a newer engagement). */
export const decayedPeriods = (lead: ExistingLead): number =>
  lead.decay !== undefined && lead.decay.since === lead.lastEngagedAt ? lead.decay.periods : 0;

/**
 * Where decay stands after `periods` periods with `held` engagement points left: the next period
 * is due only while there is something left to lose. Undefined when the lead never engaged, or
 * never decayed and the model does not decay.
 */
export const decayAfter = (
  lead: ExistingLead,
  model: ScoringModel,
  periods: number,
  held: number,
): LeadDecay | undefined => {
  if (lead.lastEngagedAt === undefined) return undefined;
  // A version without decay stops it: nothing is due until a version decays again.
  if (model.decay === undefined) {
    return lead.decay && { since: lead.decay.since, periods: lead.decay.periods };
  }
  const since = lead.lastEngagedAt;
  const nextDueAt = new Date(Date.parse(since) + (periods + 1) * model.decay.everyMs);
  return { since, periods, ...(held > 0 ? { nextDueAt: nextDueAt.toISOString() } : {}) };
};

export const decayField = (decay: LeadDecay | undefined): { decay?: LeadDecay } =>
  decay !== undefined ? { decay } : {};
