import { EVENT_STORE } from '@crm/application';
import { EventStore } from '@crm/event-store';
import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @ApiOperation({ summary: 'Liveness and readiness: 200 when the event store answers, 503 otherwise' })
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      const head = await this.store.headPosition();
      return { status: 'ok', eventStore: { status: 'up', headPosition: head.toString() } };
    } catch (error) {
      void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'error', eventStore: { status: 'down', error: (error as Error).message } };
    }
  }
}
