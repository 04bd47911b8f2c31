import {
  CommandSideModule,
  CommandSideOptions,
  ReadSideModule,
  ReadSideOptions,
} from '@crm/application';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { aggregateModules } from './aggregate-modules';
import { AccessGuard } from './auth/access.guard';
import { PersonalDataInterceptor } from './auth/personal-data.interceptor';
import { AccessModule } from './auth/access.module';
import { AutomationModule } from './automation/automation.module';
import { AuditController } from './audit/audit.controller';
import { HealthModule } from './health/health.module';
import { ApiCommonModule } from './http/api-common.module';
import { ErrorFilter } from './http/error.filter';
import { createValidationPipe } from './http/validation.pipe';
import { MetricsModule } from './metrics/metrics.module';
import { RecordListsController } from './queries/record-lists.controller';
import { RecordViewsController } from './queries/record-views.controller';
import { ReportsModule } from './reports/reports.module';
import { ScoringModule } from './scoring/scoring.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/** What the API is built from: both sides of the application, on the stores given or configured. */
export type AppModuleOptions = CommandSideOptions & ReadSideOptions;

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CommandSideModule.forRoot(options),
        ReadSideModule.forRoot(options),
        AccessModule,
        ApiCommonModule,
        ...Object.values(aggregateModules),
        ReportsModule,
        ScoringModule,
        WebhooksModule,
        AutomationModule,
        HealthModule,
        MetricsModule.forRoot(options.config),
      ],
      controllers: [AuditController, RecordViewsController, RecordListsController],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: PersonalDataInterceptor },
      ],
    };
  }
}
