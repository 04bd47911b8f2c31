/**
 * A tenant's lead-scoring model: fit rules on what a lead says about itself, engagement rules on
 * what its contact did, and the score at which a lead becomes marketing-qualified. Each version is published whole.
 */
export const TEXT_FIT_ATTRIBUTES = [
  'source',
  'campaignId',
  'title',
  'company',
  'emailDomain',
  'industry',
  'country',
] as const;
/** `freeMailDomain` reads 'true' or 'false': whether the lead's email is at a free-mail provider. */
export const FIT_ATTRIBUTES = [...TEXT_FIT_ATTRIBUTES, 'companySize', 'freeMailDomain'] as const;
export type FitAttribute = (typeof FIT_ATTRIBUTES)[number];
export type TextFitAttribute = (typeof TEXT_FIT_ATTRIBUTES)[number];

/** `equals` and `contains` compare one text, `in` a list; every comparison ignores case. */
export const TEXT_FIT_OPERATORS = ['equals', 'contains', 'in'] as const;
/** Compare `companySize` with `number`: `atLeast` is >=, `below` is <. */
export const NUMERIC_FIT_OPERATORS = ['atLeast', 'below'] as const;
export const FIT_OPERATORS = [...TEXT_FIT_OPERATORS, ...NUMERIC_FIT_OPERATORS] as const;
export type FitOperator = (typeof FIT_OPERATORS)[number];

/** The operators each attribute takes; `freeMailDomain` equals 'true' or 'false'. */
export const operatorsOf = (attribute: FitAttribute): readonly FitOperator[] => {
  if (attribute === 'companySize') return NUMERIC_FIT_OPERATORS;
  if (attribute === 'freeMailDomain') return ['equals'];
  return TEXT_FIT_OPERATORS;
};

export type FitRule = {
  /** Names the rule in every score change it causes. */
  id: string;
  attribute: FitAttribute;
  operator: FitOperator;
  /** With `equals` and `contains`. */
  value?: string;
  /** With `in`. */
  values?: string[];
  /** With `atLeast` and `below`. */
  number?: number;
  /** A non-zero integer: what a lead matching the rule gains (or loses, when negative). */
  points: number;
};

/** What a contact did that counts for the open leads with one of the contact's emails. */
export const ENGAGEMENT_KINDS = [
  'campaign-opened',
  'campaign-clicked',
  'campaign-responded',
  'meeting-logged',
  'call-logged',
  'email-replied',
] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

/** Each engagement of its kind gives the lead `points` (a non-zero integer). */
export type EngagementRule = { id: string; kind: EngagementKind; points: number };

/**
 * Each whole period `every` (an ISO 8601 duration of fixed length) that passes without engagement
 * since the lead's last one costs the lead `points` of its engagement points.
 */
export type DecayRule = { points: number; every: string };

/** The rule id of the points decay has taken from a lead. */
export const DECAY_RULE_ID = 'decay';

export type ScoringModelDefinition = {
  fitRules: FitRule[];
  /** Versions published before engagement rules existed have none. */
  engagementRules: EngagementRule[];
  /** A lead whose score reaches this becomes marketing-qualified. */
  threshold: number;
  /** Versions without it never decay a lead's score. */
  decay?: DecayRule;
};

/** A published version; the application layer resolves its decay period to milliseconds. */
export type ScoringModel = Omit<ScoringModelDefinition, 'decay'> & {
  version: number;
  decay?: DecayRule & { everyMs: number };
};
