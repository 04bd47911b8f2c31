import {
  APP_CONFIG,
  AppConfig,
  CLOCK,
  CrmMetrics,
  EVENT_SERIALIZER,
  EVENT_STORE,
  ReadYourWrites,
  RecordLoader,
  RoundRobinTurns,
  RuleRegistry,
  RuleRunner,
} from '@crm/application';
import { AggregateKind } from '@crm/domain';
import { EventSerializer, EventStore } from '@crm/event-store';
import { documentIdFor, recordProjections } from '@crm/projections';
import { ReadModels } from '@crm/queries';
import { BeforeApplicationShutdown, Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCommonModule } from '../http/api-common.module';
import { RulesController } from './rules.controller';

/** The record's read model once it holds the trigger (so a condition sees at least that). */
const readModelLoader =
  (readModels: ReadModels, readYourWrites: ReadYourWrites): RecordLoader =>
  async (kind: AggregateKind, tenantId, recordId, atLeast) => {
    await readYourWrites.waitFor(atLeast);
    const collection = await readModels.collection(recordProjections[kind].name);
    return collection.get(documentIdFor(tenantId, recordId));
  };

/** Workflow rules: the routes that define them and (with CRM_RUN_PROCESSES) their runner. */
@Module({
  imports: [ApiCommonModule],
  controllers: [RulesController],
  providers: [
    {
      provide: RuleRegistry,
      inject: [EVENT_STORE, CLOCK],
      useFactory: (store: EventStore, clock: () => Date) => new RuleRegistry(store, clock),
    },
    {
      provide: RuleRunner,
      inject: [
        APP_CONFIG,
        EVENT_STORE,
        EVENT_SERIALIZER,
        CommandBus,
        ReadModels,
        ReadYourWrites,
        CLOCK,
        { token: CrmMetrics, optional: true },
      ],
      useFactory: (
        config: AppConfig,
        store: EventStore,
        serializer: EventSerializer,
        commandBus: CommandBus,
        readModels: ReadModels,
        readYourWrites: ReadYourWrites,
        clock: () => Date,
        metrics?: CrmMetrics,
      ) => {
        const turns = new RoundRobinTurns(store);
        return new RuleRunner(
          store,
          serializer,
          {
            commandBus,
            loadRecord: readModelLoader(readModels, readYourWrites),
            roundRobinTurns: (ruleId) => turns.next(ruleId),
          },
          {
            clock,
            timerPollMs: config.CRM_AUTOMATION_TIMER_POLL_MS,
            observe: metrics && {
              evaluated: () => metrics.automationEvaluations.inc(),
              recorded: (outcome) => metrics.automationRuns.inc({ outcome }),
            },
          },
        );
      },
    },
  ],
  exports: [RuleRegistry, RuleRunner],
})
export class AutomationModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runner: RuleRunner,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.CRM_RUN_PROCESSES) this.runner.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}
