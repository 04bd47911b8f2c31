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
      inject: [ReadModels],
      useFactory: (readModels: ReadModels) => new RecordViews(readModels),
    },
  ],
  exports: [ViewClock, RecordViews, ReportSource],
})
export class QueryViewsModule {}
