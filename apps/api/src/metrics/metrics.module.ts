import { AppConfig } from '@crm/application';
import { DynamicModule, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';

/** GET /metrics on the API's port, unless CRM_METRICS_PORT gives metrics a listener of their own. */
@Module({})
export class MetricsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: MetricsModule,
      controllers: config.CRM_METRICS_PORT === undefined ? [MetricsController] : [],
    };
  }
}
