import {
  APP_CONFIG,
  AppConfig,
  CrmMetrics,
  DeliveryOutcome,
  EVENT_SERIALIZER,
  EVENT_STORE,
  httpWebhookSender,
  loadSecretsKey,
  SecretBox,
  TargetPolicy,
  WebhookDeliveries,
  WebhookDispatchers,
  WebhookRegistry,
} from '@crm/application';
import { EventSerializer, EventStore } from '@crm/event-store';
import { BeforeApplicationShutdown, Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { WebhooksController } from './webhooks.controller';

const SECRET_BOX = Symbol('SECRET_BOX');
const TARGET_POLICY = Symbol('TARGET_POLICY');

/** The key is read (or generated) on first use, so a process that never seals needs none. */
const lazySecretBox = (config: AppConfig): (() => SecretBox) => {
  let box: SecretBox | undefined;
  return () =>
    (box ??= new SecretBox(
      loadSecretsKey({ configured: config.CRM_SECRETS_KEY, dataDir: config.CRM_DATA_DIR }),
    ));
};

const observeDeliveries =
  (metrics: CrmMetrics) =>
  (outcome: DeliveryOutcome, durationMs?: number): void => {
    metrics.webhookDeliveries.inc({ outcome });
    if (durationMs !== undefined)
      metrics.webhookDeliveryDuration.observe({ outcome }, durationMs / 1000);
  };

/** Webhooks: the registration routes, and (with CRM_RUN_PROCESSES) their dispatchers. */
@Module({
  controllers: [WebhooksController],
  providers: [
    { provide: SECRET_BOX, inject: [APP_CONFIG], useFactory: lazySecretBox },
    {
      provide: TARGET_POLICY,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        TargetPolicy.fromConfig(config.CRM_WEBHOOK_ALLOWED_TARGETS),
    },
    {
      provide: WebhookRegistry,
      inject: [EVENT_STORE, TARGET_POLICY, SECRET_BOX],
      useFactory: (store: EventStore, policy: TargetPolicy, secrets: () => SecretBox) =>
        new WebhookRegistry(store, policy, secrets),
    },
    {
      provide: WebhookDeliveries,
      inject: [EVENT_STORE, WebhookRegistry],
      useFactory: (store: EventStore, registry: WebhookRegistry) =>
        new WebhookDeliveries(store, registry),
    },
    {
      provide: WebhookDispatchers,
      inject: [
        APP_CONFIG,
        EVENT_STORE,
        EVENT_SERIALIZER,
        WebhookRegistry,
        TARGET_POLICY,
        SECRET_BOX,
        { token: CrmMetrics, optional: true },
      ],
      useFactory: (
        config: AppConfig,
        store: EventStore,
        serializer: EventSerializer,
        registry: WebhookRegistry,
        policy: TargetPolicy,
        secrets: () => SecretBox,
        metrics?: CrmMetrics,
      ) =>
        new WebhookDispatchers(registry, {
          store,
          serializer,
          secrets,
          sender: httpWebhookSender(policy, config.CRM_WEBHOOK_TIMEOUT_MS),
          settings: {
            maxAttempts: config.CRM_WEBHOOK_MAX_ATTEMPTS,
            backoffMs: config.CRM_WEBHOOK_BACKOFF_MS,
            backoffMaxMs: config.CRM_WEBHOOK_BACKOFF_MAX_MS,
          },
          observe: metrics && observeDeliveries(metrics),
        }),
    },
  ],
  exports: [WebhookRegistry, WebhookDispatchers],
})
export class WebhooksModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dispatchers: WebhookDispatchers,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.CRM_RUN_PROCESSES) await this.dispatchers.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.dispatchers.stop();
  }
}
