/** Why a rule definition is refused, each with the offending field's path. */
export const RULE_PROBLEM_CODES = [
  'RULE_UNKNOWN_EVENT_TYPE',
  'RULE_UNKNOWN_COMMAND',
  'RULE_UNKNOWN_FIELD',
  'RULE_INVALID_DURATION',
  'RULE_INVALID_QUERY',
  'RULE_INVALID_TEMPLATE',
  'RULE_RECORD_ID_MISSING',
  'RULE_ROUND_ROBIN_UNSUPPORTED',
] as const;

export type RuleProblemCode = (typeof RULE_PROBLEM_CODES)[number];

export type RuleProblem = { code: RuleProblemCode; field: string; message: string };

export class InvalidRuleError extends Error {
  /** The first problem's code; every problem is in `problems`. */
  readonly code: RuleProblemCode;
  constructor(readonly problems: RuleProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.code = problems[0].code;
  }
}
