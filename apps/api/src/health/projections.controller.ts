import {
  DOCUMENT_STORE,
  EVENT_STORE,
  PROJECTION_RUNNER,
  READ_SIDE_PROGRESS,
  ReadSideProgress,
} from '@crm/application';
import { EventStore } from '@crm/event-store';
import { allProjections, ProjectionRunner } from '@crm/projections';
import { DocumentStore } from '@crm/read-store';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

@ApiTags('health')
@Controller('projections')
export class ProjectionsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Inject(READ_SIDE_PROGRESS) private readonly progress: ReadSideProgress,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Each projection: its live collection, checkpoint, whether it is rebuilding; parked events ' +
      '(parked counts only where this process runs the projections)',
  })
  async projectionStatus() {
    const head = await this.store.headPosition();
    if (this.progress.source === 'in-process') {
      return { headPosition: head.toString(), source: 'in-process', ...this.runner.status() };
    }
    const projections = await Promise.all(
      allProjections.map(async (projection) => {
        const live = await this.documents.activeGeneration(projection.name);
        const checkpoint = live ? ((await this.documents.checkpoint(live)) ?? -1n) : -1n;
        return {
          name: projection.name,
          version: projection.version,
          collection: live ?? null,
          checkpoint: checkpoint.toString(),
        };
      }),
    );
    return {
      headPosition: head.toString(),
      source: 'checkpoints',
      position: (await this.progress.position()).toString(),
      projections,
    };
  }
}
