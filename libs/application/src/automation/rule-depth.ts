import { PrincipalRecord } from '@crm/event-store';

/**
 * How deep in a chain of rules an event is: 0 for what a person, a key or a process did; one
 * more for each rule in its principal's `onBehalfOf` chain (a rule acting on an event another
 * rule caused acts on behalf of that rule's principal). A rule does not act on an event at
 * MAX_RULE_DEPTH: its action is parked with the reason.
 */
export const MAX_RULE_DEPTH = 5;

export const ruleDepth = (principal: PrincipalRecord | undefined): number => {
  let depth = 0;
  for (let link = principal; link; link = link.onBehalfOf) if (link.kind === 'rule') depth++;
  return depth;
};

/** The principal a rule acts as, on behalf of whoever caused the triggering event. */
export const rulePrincipal = (ruleId: string, onBehalfOf?: PrincipalRecord): PrincipalRecord => ({
  kind: 'rule',
  subject: `rule:${ruleId}`,
  ...(onBehalfOf && { onBehalfOf }),
});
