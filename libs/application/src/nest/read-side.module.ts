import { Projection } from '@crm/projections';
import { DocumentStore } from '@crm/read-store';
import { DynamicModule, Module } from '@nestjs/common';
import { CrmMetrics } from '../metrics/crm-metrics';
import { ReadSideMetrics } from '../metrics/read-side-metrics';
import { readSideProviders } from '../read-side/read-side.providers';
import { ReadYourWrites } from '../read-side/read-your-writes';
import { LeadDecayTimer } from '../timers/lead-decay-timer';
import { SlaBreachTimer } from '../timers/sla-breach-timer';
import { DOCUMENT_STORE, PROJECTION_RUNNER, READ_SIDE_PROGRESS } from './tokens';

export type ReadSideOptions = {
  /** Overrides the configured document store (tests hand in an in-memory one). */
  documentStore?: DocumentStore;
  /** Given (the API), the projections and the read-side gauges are measured into it. */
  metrics?: CrmMetrics;
  /**
   * The projections this read side keeps and waits for; every projection when absent. The
   * bench's workload build keeps only the read models its process managers read.
   */
  projections?: readonly Projection[];
};

/**
 * The read side: the document store, the projection runner keeping the read models (started
 * with the application when configured), its progress and the read-your-writes wait. It reads
 * the log and the configuration from the command side; the queries over the read models live
 * above it (`@crm/queries`, composed by the API). The SLA breach and lead decay detectors live here
 * too: they find what is due in the tickets and leads read models and send commands on the command side.
 */
@Module({})
export class ReadSideModule {
  static forRoot(options: ReadSideOptions = {}): DynamicModule {
    return {
      module: ReadSideModule,
      global: true,
      providers: [
        ...readSideProviders(options.documentStore, options.metrics, options.projections),
        SlaBreachTimer,
        LeadDecayTimer,
        ...(options.metrics
          ? [{ provide: CrmMetrics, useValue: options.metrics }, ReadSideMetrics]
          : []),
      ],
      exports: [
        DOCUMENT_STORE,
        PROJECTION_RUNNER,
        READ_SIDE_PROGRESS,
        ReadYourWrites,
        SlaBreachTimer,
        LeadDecayTimer,
      ],
    };
  }
}
