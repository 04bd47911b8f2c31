import {
  createEventSchemaRegistry,
  createEventSerializer,
  EventSerializer,
  EventStore,
} from '@crm/event-store';
import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CommandExecutor } from '../command-executor';
import { AppConfig } from '../config';
import { eventUpcasters } from '../event-upcasters';
import { openDealsByLogScan } from '../preparation/open-deals-by-log-scan';
import { ProcessManagers } from '../processes/process-managers';
import { createConfiguredEventStore } from './event-store.provider';
import { ExecuteDomainCommandHandler } from './execute-domain-command.handler';
import { APP_CONFIG, EVENT_SERIALIZER, EVENT_STORE, OPEN_DEALS_IN_STAGE } from './tokens';

export type CommandSideOptions = {
  config: AppConfig;
  /** Overrides the configured event store (tests hand in an in-memory one). */
  eventStore?: EventStore;
  clock?: () => Date;
};

/**
 * The command side: the event store, the one command path behind the CommandBus (catalogue,
 * preparers, deciders) and the process managers that issue commands from the log.
 */
@Module({})
export class CommandSideModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forRoot(options: CommandSideOptions): DynamicModule {
    return {
      module: CommandSideModule,
      global: true,
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        {
          provide: EVENT_STORE,
          useFactory: () => options.eventStore ?? createConfiguredEventStore(options.config),
        },
        {
          provide: EVENT_SERIALIZER,
          useValue: createEventSerializer(createEventSchemaRegistry(eventUpcasters)),
        },
        {
          provide: CommandExecutor,
          inject: [EVENT_STORE, EVENT_SERIALIZER],
          useFactory: (store: EventStore, serializer: EventSerializer) =>
            new CommandExecutor(store, serializer, { clock: options.clock }),
        },
        {
          provide: OPEN_DEALS_IN_STAGE,
          inject: [EVENT_STORE, EVENT_SERIALIZER],
          useFactory: openDealsByLogScan,
        },
        ExecuteDomainCommandHandler,
        ProcessManagers,
      ],
      exports: [APP_CONFIG, EVENT_STORE, EVENT_SERIALIZER, CommandExecutor],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
