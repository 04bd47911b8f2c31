import { ApplicationModule, ApplicationModuleOptions } from '@crm/application';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AccountsController } from './accounts/accounts.controller';
import { CampaignsController } from './campaigns/campaigns.controller';
import { ContactsController } from './contacts/contacts.controller';
import { DealsController } from './deals/deals.controller';
import { InteractionsController } from './interactions/interactions.controller';
import { LeadsController } from './leads/leads.controller';
import { PipelinesController } from './pipelines/pipelines.controller';
import { TicketsController } from './tickets/tickets.controller';
import { AuditController } from './audit/audit.controller';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { CommandSender } from './http/command-sender';
import { ReadGate } from './http/read-options';
import { ErrorFilter } from './http/error.filter';
import { createValidationPipe } from './http/validation.pipe';
import { TasksController } from './tasks/tasks.controller';
import { AccountViewsController } from './queries/account-views.controller';
import { ContactViewsController } from './queries/contact-views.controller';
import { DealViewsController } from './queries/deal-views.controller';
import { PipelineViewsController } from './queries/pipeline-views.controller';
import { QueryViewsModule } from './queries/query-views.module';
import { RecordViewsController } from './queries/record-views.controller';
import { ReportsController } from './queries/reports.controller';
import { TaskViewsController } from './queries/task-views.controller';

@Module({})
export class AppModule {
  static forRoot(options: ApplicationModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ApplicationModule.forRoot(options),
        QueryViewsModule,
        HealthModule,
        MetricsModule.forRoot(options.config),
      ],
      controllers: [
        AuditController,
        AccountsController,
        CampaignsController,
        ContactsController,
        DealsController,
        InteractionsController,
        LeadsController,
        PipelinesController,
        TicketsController,
        TasksController,
        ContactViewsController,
        ReportsController,
        AccountViewsController,
        DealViewsController,
        PipelineViewsController,
        TaskViewsController,
        RecordViewsController,
      ],
      providers: [
        CommandSender,
        ReadGate,
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
    };
  }
}
