import { ApplicationModule, ApplicationModuleOptions } from '@crm/application';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { AccessGuard } from './auth/access.guard';
import { PersonalDataInterceptor } from './auth/personal-data.interceptor';
import { AccountsModule } from './accounts/accounts.module';
import { AccessModule } from './auth/access.module';
import { AutomationModule } from './automation/automation.module';
import { AuditController } from './audit/audit.controller';
import { CampaignsModule } from './campaigns/campaigns.module';
import { ContactsModule } from './contacts/contacts.module';
import { DealsModule } from './deals/deals.module';
import { HealthModule } from './health/health.module';
import { ApiCommonModule } from './http/api-common.module';
import { ErrorFilter } from './http/error.filter';
import { createValidationPipe } from './http/validation.pipe';
import { InteractionsModule } from './interactions/interactions.module';
import { LeadsModule } from './leads/leads.module';
import { MetricsModule } from './metrics/metrics.module';
import { PipelinesModule } from './pipelines/pipelines.module';
import { AccountViewsController } from './queries/account-views.controller';
import { ContactViewsController } from './queries/contact-views.controller';
import { DealViewsController } from './queries/deal-views.controller';
import { PipelineViewsController } from './queries/pipeline-views.controller';
import { RecordListsController } from './queries/record-lists.controller';
import { RecordViewsController } from './queries/record-views.controller';
import { ReportsController } from './queries/reports.controller';
import { TaskViewsController } from './queries/task-views.controller';
import { QuotesModule } from './quotes/quotes.module';
import { TasksModule } from './tasks/tasks.module';
import { TicketsModule } from './tickets/tickets.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({})
export class AppModule {
  static forRoot(options: ApplicationModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ApplicationModule.forRoot(options),
        AccessModule,
        ApiCommonModule,
        AccountsModule,
        CampaignsModule,
        ContactsModule,
        DealsModule,
        InteractionsModule,
        LeadsModule,
        PipelinesModule,
        QuotesModule,
        TicketsModule,
        TasksModule,
        WebhooksModule,
        AutomationModule,
        HealthModule,
        MetricsModule.forRoot(options.config),
      ],
      controllers: [
        AuditController,
        ContactViewsController,
        ReportsController,
        AccountViewsController,
        DealViewsController,
        PipelineViewsController,
        TaskViewsController,
        RecordViewsController,
        RecordListsController,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: PersonalDataInterceptor },
      ],
    };
  }
}
