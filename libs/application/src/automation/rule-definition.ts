/** A condition in MongoDB query syntax (mingo evaluates it). */
export type RuleQuery = Record<string, unknown>;

/**
 * When a rule acts: on an event of this type (the name without version, `DealWon`), if the
 * event's data matches `where` and, when the action runs, the record's read model matches
 * `recordWhere` (whose string values may be templates naming the trigger, `{{event.data.toStageId}}`).
 */
export type RuleTrigger = { eventType: string; where?: RuleQuery; recordWhere?: RuleQuery };

/**
 * How long after the trigger the actions run: `after` (ISO 8601, `P3D`; `-P1D` is a day before)
 * counted from the event's time, or from the date at `from` (a template path such as
 * `event.data.dueAt` or `record.expectedCloseDate`).
 */
export type RuleDelay = { after: string; from?: string };

/** A catalogue command; string values may hold templates (`{{event.data.dealId}}`). */
export type CommandAction = { command: string; data: Record<string, unknown> };

/** Assigns the trigger's record to the next of `over`, in turn. */
export type RoundRobinAction = { assignRoundRobin: { over: string[] } };

export type RuleAction = CommandAction | RoundRobinAction;

export const isRoundRobin = (action: RuleAction): action is RoundRobinAction =>
  'assignRoundRobin' in action;

export type RuleDefinition = {
  name: string;
  trigger: RuleTrigger;
  delay?: RuleDelay;
  actions: RuleAction[];
};
