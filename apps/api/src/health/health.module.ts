import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { ProjectionsController } from './projections.controller';
import { AutomationModule } from '../automation/automation.module';
import { WebhooksModule } from '../webhooks/webhooks.module';

/** /health/live, /health/ready, the /health summary and /projections. */
@Module({
  // Failed checks are in the answer and in the metrics; not logged on every probe.
  imports: [TerminusModule.forRoot({ logger: false }), WebhooksModule, AutomationModule],
  controllers: [HealthController, ProjectionsController],
})
export class HealthModule {}
