import { EventStore } from '@crm/event-store';
import { LeadDocument, leadsProjection } from '@crm/projections';
import { DocumentStore } from '@crm/read-store';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AppConfig } from '../config';
import { CrmMetrics } from '../metrics/crm-metrics';
import { ExecuteDomainCommand } from '../nest/execute-domain-command';
import { APP_CONFIG, CLOCK, DOCUMENT_STORE, EVENT_STORE } from '../nest/tokens';
import { ReadYourWrites } from '../read-side/read-your-writes';
import { DetectorTimer, servedCollection } from './detector-timer';
import { readScoringModels } from '../scoring/scoring-model-stream';
import { LeadDecayDetector } from './lead-decay-detector';

/**
 * The lead decay detector of this process: it runs where the process managers run
 * (CRM_RUN_PROCESSES), every CRM_DECAY_CHECK_INTERVAL_MS, and stops before the stores close.
 */
@Injectable()
export class LeadDecayTimer extends DetectorTimer {
  readonly detector: LeadDecayDetector;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) clock: () => Date,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(DOCUMENT_STORE) documents: DocumentStore,
    readYourWrites: ReadYourWrites,
    commandBus: CommandBus,
    @Optional() metrics?: CrmMetrics,
  ) {
    super(config.CRM_RUN_PROCESSES);
    this.detector = new LeadDecayDetector({
      caughtUp: async () => readYourWrites.waitFor(await store.headPosition()),
      leads: () => servedCollection<LeadDocument>(documents, leadsProjection),
      currentModelVersion: async (tenantId) =>
        (await readScoringModels(store, tenantId)).pop()?.version,
      execute: ({ kind, recordId, intent, context }) =>
        commandBus.execute(new ExecuteDomainCommand(kind, recordId, intent, context)),
      clock,
      intervalMs: config.CRM_DECAY_CHECK_INTERVAL_MS,
      observe: metrics && {
        decayed: () => metrics.leadScoresDecayed.inc(),
        failed: () => metrics.decayCheckFailures.inc(),
      },
    });
  }
}
