import { EventStore } from '@crm/event-store';
import { ticketsProjection, TicketDocument } from '@crm/projections';
import { DocumentStore } from '@crm/read-store';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AppConfig } from '../config';
import { CrmMetrics } from '../metrics/crm-metrics';
import { ExecuteDomainCommand } from '../nest/execute-domain-command';
import { APP_CONFIG, CLOCK, DOCUMENT_STORE, EVENT_STORE } from '../nest/tokens';
import { ReadYourWrites } from '../read-side/read-your-writes';
import { SlaBreachDetector } from './sla-breach-detector';

/** The tickets generation queries read; none before its first build, which a check waits for. */
const servedTickets = async (documents: DocumentStore) => {
  const physical = await documents.activeGeneration(ticketsProjection.name);
  if (physical === undefined) throw new Error('the tickets read model is not built yet');
  return documents.collection<TicketDocument>(physical);
};

/**
 * The SLA breach detector of this process: it runs where the process managers run
 * (CRM_RUN_PROCESSES), every CRM_SLA_CHECK_INTERVAL_MS, and stops before the stores close.
 */
@Injectable()
export class SlaBreachTimer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly detector: SlaBreachDetector;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) clock: () => Date,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(DOCUMENT_STORE) documents: DocumentStore,
    readYourWrites: ReadYourWrites,
    commandBus: CommandBus,
    @Optional() metrics?: CrmMetrics,
  ) {
    this.detector = new SlaBreachDetector({
      caughtUp: async () => readYourWrites.waitFor(await store.headPosition()),
      tickets: () => servedTickets(documents),
      execute: ({ kind, recordId, intent, context }) =>
        commandBus.execute(new ExecuteDomainCommand(kind, recordId, intent, context)),
      clock,
      intervalMs: config.CRM_SLA_CHECK_INTERVAL_MS,
      observe: metrics && {
        recorded: (target) => metrics.slaBreachesRecorded.inc({ target }),
        failed: () => metrics.slaCheckFailures.inc(),
      },
    });
  }

  /** Whether the detector runs in this process at all. */
  get running(): boolean {
    return this.config.CRM_RUN_PROCESSES;
  }

  onApplicationBootstrap(): void {
    if (this.running) this.detector.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.detector.stop();
  }
}
