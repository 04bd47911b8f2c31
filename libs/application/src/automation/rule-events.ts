import { RuleDefinition } from './rule-definition';

/**
 * Rules live in the log, one stream per tenant (`crm.automation.<tenant>`: audited,
 * hash-chained, the principal recorded), found through a bookkeeping stream naming the tenants
 * that have any. What each rule did is kept in a process stream of its own, and the pending
 * delayed actions in one timer stream; process streams (`crmprocess-`) are left out of the
 * audit's chain check, as checkpoints are. None of these names parses as a record's stream.
 */
export const AUTOMATION_TENANTS_STREAM = 'crmprocess-automation-tenants';
export const AUTOMATION_TENANT_ADDED = 'AutomationTenantAdded.v1';
export const ruleStream = (tenantId: string): string => `crm.automation.${tenantId}`;
export const isRuleStream = (streamName: string): boolean =>
  streamName.startsWith('crm.automation.');

export type RuleDefinedData = {
  ruleId: string;
  version: number;
  definition: RuleDefinition;
  at: string;
};
export type RuleChangedData = { ruleId: string; at: string };

/** The rule stream's events; a switch over `type` must handle each. */
export type RuleEvent =
  | { type: 'AutomationRuleCreated.v1'; data: RuleDefinedData }
  | { type: 'AutomationRuleRevised.v1'; data: RuleDefinedData }
  | { type: 'AutomationRuleDisabled.v1'; data: RuleChangedData }
  | { type: 'AutomationRuleEnabled.v1'; data: RuleChangedData }
  | { type: 'AutomationRuleDeleted.v1'; data: RuleChangedData };

const RULE_EVENT_TYPES: Record<RuleEvent['type'], true> = {
  'AutomationRuleCreated.v1': true,
  'AutomationRuleRevised.v1': true,
  'AutomationRuleDisabled.v1': true,
  'AutomationRuleEnabled.v1': true,
  'AutomationRuleDeleted.v1': true,
};

export const isRuleEventType = (type: string): type is RuleEvent['type'] =>
  Object.prototype.hasOwnProperty.call(RULE_EVENT_TYPES, type);
