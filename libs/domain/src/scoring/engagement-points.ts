import { EngagementKind, EngagementRule } from './scoring-model';
import { RulePoints } from './fit-points';

/** How many engagements of each kind a lead has had. */
export type EngagementCounts = Partial<Record<EngagementKind, number>>;

/** Each engagement rule's points times the lead's engagements of its kind, in the model's order. */
export const engagementPoints = (
  rules: readonly EngagementRule[],
  counts: EngagementCounts,
): RulePoints[] =>
  rules
    .map((rule) => ({ rule: rule.id, points: rule.points * (counts[rule.kind] ?? 0) }))
    .filter((entry) => entry.points !== 0);
