import { EventStore } from '@crm/event-store';
import { RuleBook } from './rule-book';
import { AUTOMATION_TENANTS_STREAM, ruleStream } from './rule-events';

/**
 * Every rule as the log holds it now, kept in memory and brought up to date by reading only what
 * the tenants' rule streams gained since the last refresh (one short read per stream), so firing
 * timers does not read every rule stream from its start each time.
 */
export class LiveRuleBook {
  private readonly book = new RuleBook();
  private nextTenantRevision = 0n;
  /** Per tenant with rules: the revision of its rule stream to read from next. */
  private readonly nextRevision = new Map<string, bigint>();

  constructor(private readonly store: EventStore) {}

  async refresh(): Promise<RuleBook> {
    const added = await this.store.readStream(AUTOMATION_TENANTS_STREAM, {
      fromRevision: this.nextTenantRevision,
    });
    for (const event of added) {
      this.nextTenantRevision = event.revision + 1n;
      const tenantId = String(event.data.tenantId);
      if (!this.nextRevision.has(tenantId)) this.nextRevision.set(tenantId, 0n);
    }
    for (const [tenantId, fromRevision] of this.nextRevision) {
      for (const event of await this.store.readStream(ruleStream(tenantId), { fromRevision })) {
        this.book.apply(tenantId, event);
        this.nextRevision.set(tenantId, event.revision + 1n);
      }
    }
    return this.book;
  }
}
