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
import { HealthController } from './health/health.controller';
import { CommandSender } from './http/command-sender';
import { ReadGate } from './http/read-options';
import { ErrorFilter } from './http/error.filter';
import { createValidationPipe } from './http/validation.pipe';
import { TasksController } from './tasks/tasks.controller';

@Module({})
export class AppModule {
  static forRoot(options: ApplicationModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [ApplicationModule.forRoot(options)],
      controllers: [
        HealthController,
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
