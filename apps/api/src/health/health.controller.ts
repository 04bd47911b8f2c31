import { EVENT_STORE, PROJECTION_RUNNER } from '@crm/application';
import { EventStore } from '@crm/event-store';
import { ProjectionRunner } from '@crm/projections';
import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { AdminOnly } from '../auth/admin-only.guard';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
  ) {}

  @Get('health/live')
  @ApiOperation({ summary: 'Liveness: 200 while the process serves; public, tells nothing else' })
  live() {
    return { status: 'ok' };
  }

  @Get('health')
  @AdminOnly()
  @ApiOperation({
    summary:
      'Liveness and readiness: 200 when the event store answers, 503 otherwise; read-model lag',
  })
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      const head = await this.store.headPosition();
      const reached = this.projections.position();
      return {
        status: 'ok',
        eventStore: { status: 'up', headPosition: head.toString() },
        readModels: {
          position: reached.toString(),
          lag: (head > reached ? head - reached : 0n).toString(),
        },
      };
    } catch (error) {
      void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'error', eventStore: { status: 'down', error: (error as Error).message } };
    }
  }

  @Get('projections')
  @AdminOnly()
  @ApiOperation({
    summary:
      'Each projection: its live collection, checkpoint, whether it is rebuilding; parked events',
  })
  async projectionStatus() {
    const head = await this.store.headPosition();
    return { headPosition: head.toString(), ...this.projections.status() };
  }
}
