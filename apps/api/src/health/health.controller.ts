import { EVENT_STORE, PROJECTION_RUNNER } from '@crm/application';
import { EventStore } from '@crm/event-store';
import { ProjectionRunner } from '@crm/projections';
import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
  ) {}

  @Get('health')
  @ApiOperation({
    summary:
      'Liveness and readiness: 200 when the event store answers and the projections are not stalled, 503 otherwise (naming the stalled projections and the error); read-model lag',
  })
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    let head: bigint;
    try {
      head = await this.store.headPosition();
    } catch (error) {
      void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'error', eventStore: { status: 'down', error: (error as Error).message } };
    }
    const reached = this.projections.position();
    const health = this.projections.health();
    const readModels = {
      status: health.status === 'stalled' ? 'stalled' : 'up',
      position: reached.toString(),
      lag: (head > reached ? head - reached : 0n).toString(),
      ...(health.status === 'stalled' && {
        projections: health.projections,
        error: health.error,
        since: health.since,
        attempts: health.attempts,
      }),
    };
    if (health.status === 'stalled') void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: health.status === 'stalled' ? 'error' : 'ok',
      eventStore: { status: 'up', headPosition: head.toString() },
      readModels,
    };
  }

  @Get('projections')
  @ApiOperation({
    summary:
      'Each projection: its live collection, checkpoint, whether it is rebuilding; parked events',
  })
  async projectionStatus() {
    const head = await this.store.headPosition();
    return { headPosition: head.toString(), ...this.projections.status() };
  }
}
