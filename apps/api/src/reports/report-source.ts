import { EVENT_SERIALIZER, EVENT_STORE } from '@crm/application';
import { EventSerializer, EventStore } from '@crm/event-store';
import { allProjections, replayUntil } from '@crm/projections';
import { ReadModels, ReadScope, ReportQueries } from '@crm/queries';
import { Inject, Injectable } from '@nestjs/common';
import { ViewClock } from '../queries/view-clock';

const REPORT_READ_MODELS = new Set(['leads', 'deals', 'pipelines', 'tickets', 'campaigns']);

/**
 * Where a report reads from: the live read models, or, for `asOf`, the log replayed up to that
 * moment into a throw-away store (built with the same projections, dropped after the answer).
 */
@Injectable()
export class ReportSource {
  constructor(
    private readonly readModels: ReadModels,
    private readonly clock: ViewClock,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(EVENT_SERIALIZER) private readonly serializer: EventSerializer,
  ) {}

  /** The report over what the caller of `scope` may read, now or `asOf`. */
  async run<T>(
    asOf: string | undefined,
    scope: ReadScope,
    report: (reports: ReportQueries, now: Date) => Promise<T>,
  ): Promise<T> {
    if (asOf === undefined) {
      return report(new ReportQueries(this.readModels.within(scope)), this.clock.now());
    }
    const at = new Date(asOf);
    const projections = allProjections.filter((p) => REPORT_READ_MODELS.has(p.name));
    const store = await replayUntil(this.events, this.serializer, projections, at);
    try {
      return await report(new ReportQueries(new ReadModels(store, scope)), at);
    } finally {
      await store.close();
    }
  }
}
