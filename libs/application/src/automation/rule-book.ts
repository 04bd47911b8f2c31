import { RecordedEvent } from '@crm/event-store';
import { RuleDefinition } from './rule-definition';
import { isRuleEventType, RuleEvent } from './rule-events';

/** A rule as shown: its current version and whether it acts. */
export type RuleView = RuleDefinition & {
  id: string;
  version: number;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
};

export type KeptRule = { tenantId: string; view: RuleView; versions: Map<number, RuleDefinition> };

/** Every rule as its stream's events make it, every version kept (a delayed action names one). */
export class RuleBook {
  private readonly rules = new Map<string, KeptRule>();

  get(ruleId: string): KeptRule | undefined {
    return this.rules.get(ruleId);
  }

  all(): KeptRule[] {
    return [...this.rules.values()];
  }

  /** The rules of the tenant that act now on events of this type (name without version). */
  acting(tenantId: string, eventType: string): RuleView[] {
    return this.all()
      .filter(({ tenantId: t, view }) => t === tenantId && view.enabled && view.deletedAt === null)
      .map(({ view }) => view)
      .filter((view) => view.trigger.eventType === eventType);
  }

  apply(tenantId: string, recorded: RecordedEvent): void {
    if (!isRuleEventType(recorded.type)) return;
    const event = { type: recorded.type, data: recorded.data } as RuleEvent;
    switch (event.type) {
      case 'AutomationRuleCreated.v1': {
        const { ruleId, version, definition, at } = event.data;
        const view: RuleView = {
          ...definition,
          id: ruleId,
          version,
          enabled: true,
          createdAt: at,
          updatedAt: at,
          deletedAt: null,
        };
        this.rules.set(ruleId, { tenantId, view, versions: new Map([[version, definition]]) });
        return;
      }
      case 'AutomationRuleRevised.v1': {
        const rule = this.rules.get(event.data.ruleId);
        if (!rule) return;
        const { version, definition, at } = event.data;
        rule.versions.set(version, definition);
        const { enabled, createdAt, deletedAt, id } = rule.view;
        rule.view = { ...definition, id, version, enabled, createdAt, updatedAt: at, deletedAt };
        return;
      }
      case 'AutomationRuleDisabled.v1':
      case 'AutomationRuleEnabled.v1': {
        const rule = this.rules.get(event.data.ruleId);
        if (!rule) return;
        rule.view = {
          ...rule.view,
          enabled: event.type === 'AutomationRuleEnabled.v1',
          updatedAt: event.data.at,
        };
        return;
      }
      case 'AutomationRuleDeleted.v1': {
        const rule = this.rules.get(event.data.ruleId);
        if (rule) rule.view = { ...rule.view, deletedAt: event.data.at, updatedAt: event.data.at };
        return;
      }
      default: {
        const unhandled: never = event;
        throw new Error(`unknown rule event ${JSON.stringify(unhandled)}`);
      }
    }
  }
}
