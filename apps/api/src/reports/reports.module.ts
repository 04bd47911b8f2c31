import { Module } from '@nestjs/common';
import { ApiCommonModule } from '../http/api-common.module';
import { ReportSource } from './report-source';
import { ReportsController } from './reports.controller';

/** The reports: funnel, win rate, cycle, conversion, revenue, forecast, tickets, campaigns. */
@Module({
  imports: [ApiCommonModule],
  controllers: [ReportsController],
  providers: [ReportSource],
})
export class ReportsModule {}
