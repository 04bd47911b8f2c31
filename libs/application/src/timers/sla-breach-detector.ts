import { DomainError, TICKET_SLA_TARGET_NAMES } from '@crm/domain';
import { TicketDocument } from '@crm/projections';
import { DocumentCollection } from '@crm/read-store';
import { Logger } from '@nestjs/common';
import { CommandResult } from '../command-context';
import { CommandRequest } from '../processes/command-request';
import { PeriodicCheck } from './periodic-check';
import { breachRequest, dueBreachesFilter } from './sla-breach-requests';

/** Tickets per target one check handles; the rest wait for the next check. */
const BATCH = 500;
export { FAILED_CHECKS_BEFORE_DOWN } from './periodic-check';

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
export class SlaBreachDetector extends PeriodicCheck<CheckOutcome> {
  constructor(private readonly deps: SlaBreachDetectorDeps) {
    super({
      doing: 'checking the SLA deadlines',
      logger: new Logger('SlaBreaches'),
      clock: deps.clock,
      intervalMs: deps.intervalMs,
      failed: () => deps.observe?.failed(),
    });
  }

  protected async runCheck(): Promise<CheckOutcome> {
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
