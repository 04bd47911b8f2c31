import { EVENT_SERIALIZER, EVENT_STORE, streamNameFor } from '@crm/application';
import { EventSerializer, EventStore } from '@crm/event-store';
import { ReadModels, RecordViews } from '@crm/queries';
import { Module } from '@nestjs/common';
import { ReportSource } from './report-source';
import { ViewClock } from './view-clock';

/** What the query controllers need besides `ReadModels`: record views and reports with time travel, a clock. */
@Module({
  providers: [
    ViewClock,
    ReportSource,
    {
      provide: RecordViews,
      inject: [ReadModels, EVENT_STORE, EVENT_SERIALIZER],
      useFactory: (readModels: ReadModels, events: EventStore, serializer: EventSerializer) =>
        new RecordViews(readModels, events, serializer, streamNameFor),
    },
  ],
  exports: [ViewClock, RecordViews, ReportSource],
})
export class QueryViewsModule {}
