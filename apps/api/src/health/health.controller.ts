import {
  APP_CONFIG,
  AppConfig,
  checkEventStore,
  checkReadModels,
  checkReadStore,
  DOCUMENT_STORE,
  EVENT_STORE,
  READ_SIDE_PROGRESS,
  ReadSideProgress,
  LeadDecayTimer,
  SlaBreachTimer,
  WebhookDispatchers,
} from '@crm/application';
import { EventStore } from '@crm/event-store';
import { DocumentStore } from '@crm/read-store';
import {
  Controller,
  Get,
  HttpStatus,
  Inject,
  Res,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { FastifyReply } from 'fastify';
import { asIndicator } from './health-indicators';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DOCUMENT_STORE) private readonly documents: DocumentStore,
    @Inject(READ_SIDE_PROGRESS) private readonly progress: ReadSideProgress,
    private readonly slaBreaches: SlaBreachTimer,
    private readonly leadDecay: LeadDecayTimer,
    private readonly webhooks: WebhookDispatchers,
  ) {}

  /** The checks of the background work running in this process (none with CRM_RUN_PROCESSES=false). */
  private processIndicators() {
    if (!this.slaBreaches.running) return [];
    return [
      asIndicator(this.indicators, 'slaBreaches', async () => this.slaBreaches.detector.health()),
      asIndicator(this.indicators, 'leadDecay', async () => this.leadDecay.detector.health()),
      asIndicator(this.indicators, 'webhooks', async () => this.webhooks.health()),
    ];
  }

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: 200 while the process runs and answers' })
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary:
      'Readiness: 200 when the event store and the read store answer and the read models ' +
      'follow the log within CRM_READY_MAX_LAG events, and the SLA breach and lead decay detectors and the ' +
      'webhook dispatchers (where they run) are not failing; 503 with the failing checks otherwise',
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      return await this.health.check([
        asIndicator(this.indicators, 'eventStore', () => checkEventStore(this.store)),
        asIndicator(this.indicators, 'readStore', () => checkReadStore(this.documents)),
        asIndicator(this.indicators, 'readModels', () =>
          checkReadModels(this.store, this.progress, this.config.CRM_READY_MAX_LAG),
        ),
        ...this.processIndicators(),
      ]);
    } catch (error) {
      // Terminus reports failure as an exception; answered as is, not as an API error.
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
      return error.getResponse();
    }
  }

  @Get()
  @ApiOperation({
    summary:
      'Summary: 200 when the event store answers and the projections are not stalled, 503 ' +
      'otherwise (naming the stalled projections and the error); the read models position and lag',
  })
  async summary(@Res({ passthrough: true }) reply: FastifyReply) {
    let head: bigint;
    try {
      head = await this.store.headPosition();
    } catch (error) {
      void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'error', eventStore: { status: 'down', error: (error as Error).message } };
    }
    const [reached, stall] = await Promise.all([this.progress.position(), this.progress.stalled()]);
    if (stall) void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: stall ? 'error' : 'ok',
      eventStore: { status: 'up', headPosition: head.toString() },
      readModels: {
        status: stall ? 'stalled' : 'up',
        source: this.progress.source,
        position: reached.toString(),
        lag: (head > reached ? head - reached : 0n).toString(),
        ...stall,
      },
    };
  }
}
