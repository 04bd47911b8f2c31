import { ApplicationModule, ApplicationModuleOptions } from '@crm/application';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuditController } from './audit/audit.controller';
import { HealthController } from './health/health.controller';
import { CommandSender } from './http/command-sender';
import { ErrorFilter } from './http/error.filter';
import { createValidationPipe } from './http/validation.pipe';
import { TasksController } from './tasks/tasks.controller';

@Module({})
export class AppModule {
  static forRoot(options: ApplicationModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [ApplicationModule.forRoot(options)],
      controllers: [HealthController, AuditController, TasksController],
      providers: [
        CommandSender,
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
    };
  }
}
