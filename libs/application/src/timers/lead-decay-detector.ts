import { DomainError } from '@crm/domain';
import { LeadDocument } from '@crm/projections';
import { DocumentCollection } from '@crm/read-store';
import { Logger } from '@nestjs/common';
import { CommandResult } from '../command-context';
import { CheckResult } from '../health/readiness';
import { CommandRequest } from '../processes/command-request';
import { reasonOf } from '../startup/startup-error';
import { decayRequest, dueDecayFilter } from './lead-decay-requests';
import { FAILED_CHECKS_BEFORE_DOWN } from './sla-breach-detector';

/** Leads one page holds, and pages one check reads at most; the rest wait for the next check. */
export const DECAY_PAGE = 200;
export const DECAY_PAGES_PER_CHECK = 10;

export type LeadDecayDetectorDeps = {
  /** Resolves once the read models have caught up with the log as it is now. */
  caughtUp: () => Promise<void>;
  leads: () => Promise<DocumentCollection<LeadDocument>>;
  /** The tenant's current scoring-model version, if it has one. */
  currentModelVersion: (tenantId: string) => Promise<number | undefined>;
  execute: (request: CommandRequest) => Promise<CommandResult>;
  clock: () => Date;
  intervalMs: number;
  observe?: { decayed: () => void; failed: () => void };
};

export type DecayCheckOutcome = { decayed: number; unchanged: number };

/**
 * Decays the lead scores that are due: every interval it asks the leads read model for the open
 * leads whose next decay period has passed (an index, across tenants), page by page, and sends
 * the decay command for each by its tenant's current model. The due moments are in the log and
 * the read model, so a period that passed while no detector ran is found by the first check.
 */
export class LeadDecayDetector {
  private readonly logger = new Logger('LeadDecay');
  private timer?: NodeJS.Timeout;
  private checking?: Promise<DecayCheckOutcome>;
  private failures = 0;
  private lastError?: string;
  private failingSince?: Date;
  private stopped = false;

  constructor(private readonly deps: LeadDecayDetectorDeps) {}

  start(): void {
    this.stopped = false;
    const tick = () => {
      this.checkNow()
        .catch(() => undefined)
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.deps.intervalMs).unref();
        });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.checking?.catch(() => undefined);
  }

  /** One check; a check already running is joined rather than doubled. */
  checkNow(): Promise<DecayCheckOutcome> {
    this.checking ??= this.check().finally(() => (this.checking = undefined));
    return this.checking;
  }

  /** Down once FAILED_CHECKS_BEFORE_DOWN checks in a row failed; up again after one succeeds. */
  health(): CheckResult {
    if (this.failures < FAILED_CHECKS_BEFORE_DOWN) return { status: 'up' };
    return {
      status: 'down',
      failedChecks: this.failures,
      failingSince: this.failingSince?.toISOString(),
      error: this.lastError,
    };
  }

  private async check(): Promise<DecayCheckOutcome> {
    try {
      const outcome = await this.decayDueLeads();
      this.failures = 0;
      this.lastError = this.failingSince = undefined;
      return outcome;
    } catch (error) {
      this.failures += 1;
      this.failingSince ??= this.deps.clock();
      this.lastError = reasonOf(error);
      this.deps.observe?.failed();
      this.logger.error(`checking the lead decay failed: ${this.lastError}`);
      throw error;
    }
  }

  private async decayDueLeads(): Promise<DecayCheckOutcome> {
    await this.deps.caughtUp();
    const now = this.deps.clock();
    const leads = await this.deps.leads();
    const versions = new Map<string, Promise<number | undefined>>();
    const versionOf = (tenantId: string) => {
      if (!versions.has(tenantId)) versions.set(tenantId, this.deps.currentModelVersion(tenantId));
      return versions.get(tenantId) as Promise<number | undefined>;
    };
    const outcome: DecayCheckOutcome = { decayed: 0, unchanged: 0 };
    for (let page = 0; page < DECAY_PAGES_PER_CHECK; page++) {
      // A decayed lead leaves the filter; the ones left unchanged are skipped past.
      const due = await leads.find(dueDecayFilter(now), {
        sort: { _decayDueAt: 1, _id: 1 },
        skip: outcome.unchanged,
        limit: DECAY_PAGE,
      });
      for (const lead of due) {
        const version = await versionOf(lead.tenantId);
        const request = version === undefined ? undefined : decayRequest(lead, version);
        if (request && (await this.decayed(request))) outcome.decayed += 1;
        else outcome.unchanged += 1;
      }
      if (due.length < DECAY_PAGE) break;
    }
    return outcome;
  }

  private async decayed(request: CommandRequest): Promise<boolean> {
    try {
      const result = await this.deps.execute(request);
      if (result.appended > 0) this.deps.observe?.decayed();
      return result.appended > 0;
    } catch (error) {
      // The read model was behind the lead (closed, or engaged again, since).
      if (!(error instanceof DomainError)) throw error;
      return false;
    }
  }
}
