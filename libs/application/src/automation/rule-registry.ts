import { EventStore, PrincipalRecord } from '@crm/event-store';
import { randomUUID } from 'node:crypto';
import { administrativeEvent, appendChained } from '../audit/chained-administrative-append';
import { deterministicId } from '../deterministic-id';
import { KeptRule, RuleBook, RuleView } from './rule-book';
import { RuleDefinition } from './rule-definition';
import {
  AUTOMATION_TENANT_ADDED,
  AUTOMATION_TENANTS_STREAM,
  RuleEvent,
  ruleStream,
} from './rule-events';
import { InvalidRuleError } from './rule-problems';
import { ruleProblems } from './rule-validation';

export const RULE_ID = /^rule_[0-9a-f]{32}$/;

export class RuleNotFoundError extends Error {
  readonly code = 'RULE_NOT_FOUND';
  constructor(readonly ruleId: string) {
    super(`rule ${ruleId} does not exist`);
  }
}

export class RuleDeletedError extends Error {
  readonly code = 'RULE_DELETED';
  constructor(readonly ruleId: string) {
    super(`rule ${ruleId} is deleted`);
  }
}

/** The tenants that have rules, read from the bookkeeping stream. */
export const ruleTenants = async (store: EventStore): Promise<string[]> =>
  (await store.readStream(AUTOMATION_TENANTS_STREAM)).map((event) => String(event.data.tenantId));

/** Every rule as the log held it at `position` (all of it when absent). */
export const readRuleBook = async (store: EventStore, position?: bigint): Promise<RuleBook> => {
  const book = new RuleBook();
  for (const tenantId of await ruleTenants(store)) {
    for (const event of await store.readStream(ruleStream(tenantId))) {
      if (position === undefined || event.position <= position) book.apply(tenantId, event);
    }
  }
  return book;
};

/**
 * Every tenant's rules: defines, revises, disables, enables and deletes them by appending to the
 * tenant's rule stream (hash-chained, with the principal); a definition with problems is refused
 * (InvalidRuleError) before anything is written.
 */
export class RuleRegistry {
  constructor(
    private readonly store: EventStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async create(
    tenantId: string,
    definition: RuleDefinition,
    by: PrincipalRecord,
  ): Promise<RuleView> {
    this.check(definition);
    const ruleId = `rule_${randomUUID().replace(/-/g, '')}`;
    await this.addTenant(tenantId);
    const data = { ruleId, version: 1, definition, at: this.now() };
    await this.append(tenantId, { type: 'AutomationRuleCreated.v1', data }, 'CreateRule', by);
    return this.get(tenantId, ruleId);
  }

  /** A new version: the fields given replace the current version's. */
  async revise(
    tenantId: string,
    ruleId: string,
    change: Partial<RuleDefinition>,
    by: PrincipalRecord,
  ): Promise<RuleView> {
    const rule = await this.live(tenantId, ruleId);
    const { name, trigger, delay, actions } = rule.view;
    const definition: RuleDefinition = {
      name,
      trigger,
      ...(delay && { delay }),
      actions,
      ...change,
    };
    this.check(definition);
    const data = { ruleId, version: rule.view.version + 1, definition, at: this.now() };
    await this.append(tenantId, { type: 'AutomationRuleRevised.v1', data }, 'ReviseRule', by);
    return this.get(tenantId, ruleId);
  }

  async setEnabled(
    tenantId: string,
    ruleId: string,
    enabled: boolean,
    by: PrincipalRecord,
  ): Promise<RuleView> {
    const rule = await this.live(tenantId, ruleId);
    if (rule.view.enabled === enabled) return rule.view;
    const data = { ruleId, at: this.now() };
    const event: RuleEvent = enabled
      ? { type: 'AutomationRuleEnabled.v1', data }
      : { type: 'AutomationRuleDisabled.v1', data };
    await this.append(tenantId, event, enabled ? 'EnableRule' : 'DisableRule', by);
    return this.get(tenantId, ruleId);
  }

  async delete(tenantId: string, ruleId: string, by: PrincipalRecord): Promise<RuleView> {
    const rule = await this.find(tenantId, ruleId);
    if (rule.view.deletedAt !== null) return rule.view;
    const data = { ruleId, at: this.now() };
    await this.append(tenantId, { type: 'AutomationRuleDeleted.v1', data }, 'DeleteRule', by);
    return this.get(tenantId, ruleId);
  }

  async list(tenantId: string): Promise<RuleView[]> {
    return (await this.tenantBook(tenantId)).all().map((rule) => rule.view);
  }

  async get(tenantId: string, ruleId: string): Promise<RuleView> {
    return (await this.find(tenantId, ruleId)).view;
  }

  private async find(tenantId: string, ruleId: string): Promise<KeptRule> {
    const rule = (await this.tenantBook(tenantId)).get(ruleId);
    if (!rule) throw new RuleNotFoundError(ruleId);
    return rule;
  }

  private async live(tenantId: string, ruleId: string): Promise<KeptRule> {
    const rule = await this.find(tenantId, ruleId);
    if (rule.view.deletedAt !== null) throw new RuleDeletedError(ruleId);
    return rule;
  }

  private async tenantBook(tenantId: string): Promise<RuleBook> {
    const book = new RuleBook();
    for (const event of await this.store.readStream(ruleStream(tenantId)))
      book.apply(tenantId, event);
    return book;
  }

  private check(definition: RuleDefinition): void {
    const problems = ruleProblems(definition);
    if (problems.length > 0) throw new InvalidRuleError(problems);
  }

  private now(): string {
    return this.clock().toISOString();
  }

  /** Once per tenant (the event id is derived from it), so the runner finds its stream. */
  private async addTenant(tenantId: string): Promise<void> {
    await this.store.appendToStream(AUTOMATION_TENANTS_STREAM, [
      {
        id: deterministicId('automation-tenant', tenantId),
        type: AUTOMATION_TENANT_ADDED,
        data: { tenantId },
        metadata: {},
      },
    ]);
  }

  private async append(
    tenantId: string,
    event: RuleEvent,
    commandType: string,
    by: PrincipalRecord,
  ): Promise<void> {
    const change = { tenantId, commandType, by, at: this.clock() };
    await appendChained(
      this.store,
      ruleStream(tenantId),
      administrativeEvent(event.type, event.data, change),
    );
  }
}
