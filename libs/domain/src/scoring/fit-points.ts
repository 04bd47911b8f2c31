import { FitRule, TextFitAttribute } from './scoring-model';

/** What fit rules read of a lead, each as captured (absent when the lead has none). */
export type FitAttributes = Partial<Record<TextFitAttribute | 'freeMailDomain', string>> & {
  companySize?: number;
};

/** The points one rule gives a lead. */
export type RulePoints = { rule: string; points: number };

const matchesNumber = (rule: FitRule, actual: number): boolean => {
  if (rule.number === undefined) return false;
  if (rule.operator === 'atLeast') return actual >= rule.number;
  if (rule.operator === 'below') return actual < rule.number;
  return false;
};

const matches = (rule: FitRule, actual: string | number | undefined): boolean => {
  if (actual === undefined) return false;
  if (typeof actual === 'number') return matchesNumber(rule, actual);
  const text = actual.trim().toLowerCase();
  switch (rule.operator) {
    case 'equals':
      return text === (rule.value ?? '').trim().toLowerCase();
    case 'contains':
      return rule.value !== undefined && text.includes(rule.value.trim().toLowerCase());
    case 'in':
      return (rule.values ?? []).some((value) => value.trim().toLowerCase() === text);
    case 'atLeast':
    case 'below':
      return false;
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
