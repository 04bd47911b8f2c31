import { DOCUMENT_STORE, EVENT_SERIALIZER, EVENT_STORE, streamNameFor } from '@crm/application';
import { EventSerializer, EventStore } from '@crm/event-store';
import { ReadModels, RecordViews } from '@crm/queries';
import { DocumentStore } from '@crm/read-store';
import { Module } from '@nestjs/common';
import { ViewClock } from './view-clock';

/** The API's queries over the read side: read-model access, record views with time travel, a clock. */
@Module({
  providers: [
    {
      provide: ReadModels,
      inject: [DOCUMENT_STORE],
      useFactory: (documents: DocumentStore) => new ReadModels(documents),
    },
    ViewClock,
    {
      provide: RecordViews,
      inject: [ReadModels, EVENT_STORE, EVENT_SERIALIZER],
      useFactory: (readModels: ReadModels, events: EventStore, serializer: EventSerializer) =>
        new RecordViews(readModels, events, serializer, streamNameFor),
    },
  ],
  exports: [ReadModels, ViewClock, RecordViews],
})
export class QueryViewsModule {}
