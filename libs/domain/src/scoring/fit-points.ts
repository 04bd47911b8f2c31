import { FitAttribute, FitRule } from './scoring-model';

/** What fit rules read of a lead, each text as captured (absent when the lead has none). */
export type FitAttributes = Partial<Record<FitAttribute, string>>;

/** The points one rule gives a lead. */
export type RulePoints = { rule: string; points: number };

const matches = (rule: FitRule, actual: string | undefined): boolean => {
  if (actual === undefined) return false;
  const text = actual.trim().toLowerCase();
  switch (rule.operator) {
    case 'equals':
      return text === (rule.value ?? '').trim().toLowerCase();
    case 'contains':
      return rule.value !== undefined && text.includes(rule.value.trim().toLowerCase());
    case 'in':
      return (rule.values ?? []).some((value) => value.trim().toLowerCase() === text);
  }
};

/** The points of every rule the lead matches, in the model's order. */
export const fitPoints = (rules: readonly FitRule[], lead: FitAttributes): RulePoints[] =>
  rules
    .filter((rule) => matches(rule, lead[rule.attribute]))
    .map((rule) => ({ rule: rule.id, points: rule.points }));

/** The part after the `@` of an email address, if it has one. */
export const emailDomainOf = (email: string | undefined): string | undefined => {
  const at = email?.lastIndexOf('@') ?? -1;
  return email !== undefined && at >= 0 ? email.slice(at + 1) : undefined;
};
