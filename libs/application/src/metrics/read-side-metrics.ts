import { EventStore } from '@crm/event-store';
import { DocumentStore } from '@crm/read-store';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DOCUMENT_STORE, EVENT_STORE } from '../nest/tokens';
import { ProcessManagers } from '../processes/process-managers';
import { CrmMetrics } from './crm-metrics';
import { observeReadSide } from './read-side-gauges';

/** Registers the read-side gauges with the application's stores. */
@Injectable()
export class ReadSideMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: CrmMetrics,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    private readonly processes: ProcessManagers,
  ) {}

  onModuleInit(): void {
    observeReadSide(this.metrics, {
      events: this.events,
      documents: this.documents,
      processPositions: () => this.processes.positions(),
    });
  }
}
