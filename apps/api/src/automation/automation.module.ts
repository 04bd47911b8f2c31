import { CLOCK, EVENT_STORE, RuleRegistry } from '@crm/application';
import { EventStore } from '@crm/event-store';
import { Module } from '@nestjs/common';
import { RulesController } from './rules.controller';

/** Workflow rules: the routes that define them. */
@Module({
  controllers: [RulesController],
  providers: [
    {
      provide: RuleRegistry,
      inject: [EVENT_STORE, CLOCK],
      useFactory: (store: EventStore, clock: () => Date) => new RuleRegistry(store, clock),
    },
  ],
  exports: [RuleRegistry],
})
export class AutomationModule {}
