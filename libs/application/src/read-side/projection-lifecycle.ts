import { ProjectionRunner } from '@crm/projections';
import { DocumentStore } from '@crm/read-store';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { AppConfig } from '../config';
import { APP_CONFIG, DOCUMENT_STORE, PROJECTION_RUNNER } from '../nest/tokens';

/** Starts the projections with the application (when configured) and stops them before the stores close. */
@Injectable()
export class ProjectionLifecycle
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.CRM_RUN_PROJECTIONS) await this.runner.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.documents.close();
  }
}
