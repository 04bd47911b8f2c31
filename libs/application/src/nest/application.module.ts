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
import { openDealsByLogScan } from '../preparation/open-deals-by-log-scan';
import { eventUpcasters } from '../event-upcasters';
import { readSideProviders } from '../read-side/read-side.providers';
import { ProcessManagers } from '../processes/process-managers';
import { createConfiguredEventStore } from './event-store.provider';
import { ExecuteDomainCommandHandler } from './execute-domain-command.handler';
import { ReadModels } from '@crm/queries';
import { DocumentStore } from '@crm/read-store';
import { ReadYourWrites } from '../read-side/read-your-writes';
import {
  APP_CONFIG,
  DOCUMENT_STORE,
  EVENT_SERIALIZER,
  EVENT_STORE,
  OPEN_DEALS_IN_STAGE,
  PROJECTION_RUNNER,
} from './tokens';

export type ApplicationModuleOptions = {
  config: AppConfig;
  /** Overrides the configured stores (tests hand in in-memory ones). */
  eventStore?: EventStore;
  documentStore?: DocumentStore;
  clock?: () => Date;
};

/** The command side: the event store, the one command path and the CommandBus handler. */
@Module({})
export class ApplicationModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forRoot(options: ApplicationModuleOptions): DynamicModule {
    return {
      module: ApplicationModule,
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
        ...readSideProviders(options.documentStore),
      ],
      exports: [
        APP_CONFIG,
        EVENT_STORE,
        EVENT_SERIALIZER,
        CommandExecutor,
        DOCUMENT_STORE,
        PROJECTION_RUNNER,
        ReadModels,
        ReadYourWrites,
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
