import { CrmMetrics } from '@crm/application';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';

@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: CrmMetrics) {}

  @Get()
  @ApiProduces('text/plain')
  @ApiOperation({
    summary:
      'Prometheus metrics (text exposition), for credentials with system:read; served here ' +
      'unless CRM_METRICS_PORT moves them to an internal listener of their own, open to the scraper',
  })
  async exposition(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { contentType, body } = await this.metrics.exposition();
    void reply.header('content-type', contentType);
    return body;
  }
}
