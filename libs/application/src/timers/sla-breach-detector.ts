import { DomainError, TICKET_SLA_TARGET_NAMES } from '@crm/domain';
import { TicketDocument } from '@crm/projections';
import { DocumentCollection } from '@crm/read-store';
import { Logger } from '@nestjs/common';
import { CommandResult } from '../command-context';
import { CheckResult } from '../health/readiness';
import { CommandRequest } from '../processes/command-request';
import { reasonOf } from '../startup/startup-error';
import { breachRequest, dueBreachesFilter } from './sla-breach-requests';

/** Tickets per target one check handles; the rest wait for the next check. */
const BATCH = 500;
/** Consecutive failed checks after which readiness reports the detector down. */
export const FAILED_CHECKS_BEFORE_DOWN = 3;

export type SlaBreachDetectorDeps = {
  /** Resolves once the read models have caught up with the log as it is now. */
  caughtUp: () => Promise<void>;
  tickets: () => Promise<DocumentCollection<TicketDocument>>;
  execute: (request: CommandRequest) => Promise<CommandResult>;
  clock: () => Date;
  intervalMs: number;
  observe?: {
    recorded: (target: string) => void;
    failed: () => void;
  };
};

export type CheckOutcome = { recorded: number; refused: number };

/**
 * Records the SLA breaches that are due: every interval it asks the tickets read model for the
 * missed deadlines no breach is recorded for yet (an index, across tenants) and sends the breach
 * command for each. The deadlines are durable already (in the log and the read model), so a
 * deadline that passed while no detector ran is found by the first check after the start.
 */
export class SlaBreachDetector {
  private readonly logger = new Logger('SlaBreaches');
  private timer?: NodeJS.Timeout;
  private checking?: Promise<CheckOutcome>;
  private failures = 0;
  private lastError?: string;
  private failingSince?: Date;
  private stopped = false;

  constructor(private readonly deps: SlaBreachDetectorDeps) {}

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
  checkNow(): Promise<CheckOutcome> {
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

  private async check(): Promise<CheckOutcome> {
    try {
      const outcome = await this.recordDueBreaches();
      this.failures = 0;
      this.lastError = this.failingSince = undefined;
      return outcome;
    } catch (error) {
      this.failures += 1;
      this.failingSince ??= this.deps.clock();
      this.lastError = reasonOf(error);
      this.deps.observe?.failed();
      this.logger.error(`checking the SLA deadlines failed: ${this.lastError}`);
      throw error;
    }
  }

  private async recordDueBreaches(): Promise<CheckOutcome> {
    // A deadline the read models have not seen yet (just after a start) would be missed.
    await this.deps.caughtUp();
    const now = this.deps.clock();
    const tickets = await this.deps.tickets();
    const outcome: CheckOutcome = { recorded: 0, refused: 0 };
    for (const target of TICKET_SLA_TARGET_NAMES) {
      const due = await tickets.find(dueBreachesFilter(target, now), { limit: BATCH });
      for (const ticket of due) {
        const request = breachRequest(ticket, target);
        if (!request) continue;
        try {
          const result = await this.deps.execute(request);
          if (result.appended > 0) {
            outcome.recorded += 1;
            this.deps.observe?.recorded(target);
          }
        } catch (error) {
          // The read model saw an older deadline (a priority change not projected yet).
          if (!(error instanceof DomainError)) throw error;
          outcome.refused += 1;
        }
      }
    }
    return outcome;
  }
}
