import { DomainError } from '@crm/domain';
import { LeadDocument } from '@crm/projections';
import { DocumentCollection } from '@crm/read-store';
import { Logger } from '@nestjs/common';
import { CommandResult } from '../command-context';
import { CommandRequest } from '../processes/command-request';
import { decayRequest, dueDecayFilter } from './lead-decay-requests';
import { PeriodicCheck } from './periodic-check';

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
export class LeadDecayDetector extends PeriodicCheck<DecayCheckOutcome> {
  constructor(private readonly deps: LeadDecayDetectorDeps) {
    super({
      doing: 'checking the lead decay',
      logger: new Logger('LeadDecay'),
      clock: deps.clock,
      intervalMs: deps.intervalMs,
      failed: () => deps.observe?.failed(),
    });
  }

  protected async runCheck(): Promise<DecayCheckOutcome> {
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
