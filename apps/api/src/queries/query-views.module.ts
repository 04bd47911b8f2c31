import { DOCUMENT_STORE } from '@crm/application';
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
      inject: [ReadModels],
      useFactory: (readModels: ReadModels) => new RecordViews(readModels),
    },
  ],
  exports: [ReadModels, ViewClock, RecordViews],
})
export class QueryViewsModule {}
