import {
  ApiKeyAdministration,
  ApiKeyIndex,
  APP_CONFIG,
  AppConfig,
  EVENT_STORE,
} from '@crm/application';
import { EventStore } from '@crm/event-store';
import {
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { ApiKeysController } from './api-keys.controller';
import { Authenticator } from './authenticator';
import { createJwtVerifier, JwtVerifier } from './jwt-verifier';

const JWT_VERIFIER = Symbol('JWT_VERIFIER');

/** Loads every API key before the app serves, then follows the key stream until shutdown. */
@Injectable()
class ApiKeyIndexFollower implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ApiKeys');
  constructor(private readonly index: ApiKeyIndex) {}

  onModuleInit(): Promise<void> {
    return this.index.start((error) =>
      this.logger.error(`reading the API key stream failed: ${(error as Error).message}`),
    );
  }

  onApplicationShutdown(): void {
    this.index.stop();
  }
}

/** Credentials: the API key index, JWT verification and the key administration endpoints. */
@Module({
  controllers: [ApiKeysController],
  providers: [
    {
      provide: ApiKeyIndex,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new ApiKeyIndex(store),
    },
    {
      provide: ApiKeyAdministration,
      inject: [EVENT_STORE, ApiKeyIndex],
      useFactory: (store: EventStore, index: ApiKeyIndex) => new ApiKeyAdministration(store, index),
    },
    {
      provide: JWT_VERIFIER,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => (await createJwtVerifier(config)) ?? null,
    },
    {
      provide: Authenticator,
      inject: [ApiKeyIndex, JWT_VERIFIER],
      useFactory: (index: ApiKeyIndex, jwt: JwtVerifier | null) =>
        new Authenticator(index, jwt ?? undefined),
    },
    ApiKeyIndexFollower,
  ],
  exports: [Authenticator, ApiKeyAdministration, ApiKeyIndex],
})
export class AccessModule {
  constructor(@Inject(APP_CONFIG) readonly config: AppConfig) {}
}
