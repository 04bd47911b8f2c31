import {
  DELIVERY_ID,
  DeliveryNotFoundError,
  DeliveryPendingError,
  principalRecordOf,
  TargetRefusedError,
  WEBHOOK_ID,
  WebhookDeliveries,
  WebhookNotFoundError,
  WebhookRegistry,
} from '@crm/application';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { principalOf } from '../auth/request-principal';
import { ApiError } from '../http/api-error';
import { CreateWebhookDto, DeliveryLogQueryDto } from './webhook.dtos';

const notFound = (code: string, message: string): ApiError =>
  new ApiError({ statusCode: 404, code, message });

/** Turns the registry's refusals into answers; anything else goes on to the error filter. */
const answerFor = (error: unknown): unknown => {
  if (error instanceof WebhookNotFoundError) return notFound(error.code, error.message);
  if (error instanceof DeliveryNotFoundError) return notFound(error.code, error.message);
  if (error instanceof DeliveryPendingError) {
    return new ApiError({ statusCode: 409, code: error.code, message: error.message });
  }
  if (error instanceof TargetRefusedError) {
    return ApiError.badRequest(error.code, error.message, [
      { field: 'url', errors: [error.message] },
    ]);
  }
  return error;
};

const rethrow = (error: unknown): never => {
  throw answerFor(error);
};

/** A tenant's webhooks: registration, the delivery log, redelivery. `webhook:manage` only. */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly registry: WebhookRegistry,
    private readonly deliveries: WebhookDeliveries,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Register a webhook; the answer holds its signing secret, shown only this once',
  })
  @ApiResponse({ status: 201, description: 'the webhook and its secret' })
  async create(@Body() body: CreateWebhookDto, @Req() request: FastifyRequest) {
    const principal = principalOf(request);
    const { webhook, secret } = await this.registry
      .register(
        principal.tenant,
        {
          url: body.url,
          eventTypes: body.eventTypes,
          secret: body.secret,
          description: body.description,
        },
        principalRecordOf(principal),
      )
      .catch(rethrow);
    return { ...webhook, secret };
  }

  @Get()
  @ApiOperation({ summary: "The tenant's webhooks, deleted ones included (never a secret)" })
  async list(@Req() request: FastifyRequest) {
    return { webhooks: await this.registry.list(principalOf(request).tenant) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook (never its secret)' })
  @ApiResponse({ status: 404, description: 'WEBHOOK_NOT_FOUND' })
  async get(@Param('id') id: string, @Req() request: FastifyRequest) {
    this.checkId(id);
    return this.registry.get(principalOf(request).tenant, id).catch(rethrow);
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete a webhook: nothing more is delivered to it' })
  @ApiResponse({ status: 404, description: 'WEBHOOK_NOT_FOUND' })
  async delete(@Param('id') id: string, @Req() request: FastifyRequest) {
    this.checkId(id);
    const principal = principalOf(request);
    return this.registry.delete(principal.tenant, id, principalRecordOf(principal)).catch(rethrow);
  }

  @Get(':id/deliveries')
  @ApiOperation({
    summary:
      "The webhook's delivery log in log order, each delivery with every attempt; `next` is the " +
      '`after` of the following page (null on the last)',
  })
  @ApiResponse({ status: 404, description: 'WEBHOOK_NOT_FOUND' })
  async deliveryLog(
    @Param('id') id: string,
    @Query() query: DeliveryLogQueryDto,
    @Req() request: FastifyRequest,
  ) {
    this.checkId(id);
    const all = await this.deliveries.list(principalOf(request).tenant, id).catch(rethrow);
    const after = query.after === undefined ? -1n : BigInt(query.after);
    const limit = query.limit ?? 100;
    const matching = all.filter(
      (delivery) =>
        BigInt(delivery.position) > after &&
        (query.status === undefined || delivery.status === query.status),
    );
    const page = matching.slice(0, limit);
    const next = matching.length > limit ? page[page.length - 1].position : null;
    return { deliveries: page, next };
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Send an ended delivery (succeeded or dead-lettered) again, under the same delivery id',
  })
  @ApiResponse({ status: 202, description: 'the redelivery is recorded; the dispatcher sends it' })
  @ApiResponse({ status: 404, description: 'WEBHOOK_NOT_FOUND or WEBHOOK_DELIVERY_NOT_FOUND' })
  @ApiResponse({ status: 409, description: 'WEBHOOK_DELIVERY_PENDING: still being attempted' })
  async redeliver(
    @Param('id') id: string,
    @Param('deliveryId') deliveryId: string,
    @Req() request: FastifyRequest,
  ) {
    this.checkId(id);
    if (!DELIVERY_ID.test(deliveryId)) {
      throw notFound('WEBHOOK_DELIVERY_NOT_FOUND', `delivery ${deliveryId} does not exist`);
    }
    const principal = principalOf(request);
    return this.deliveries
      .redeliver(principal.tenant, id, deliveryId, principalRecordOf(principal))
      .catch(rethrow);
  }

  private checkId(id: string): void {
    if (!WEBHOOK_ID.test(id)) throw notFound('WEBHOOK_NOT_FOUND', `webhook ${id} does not exist`);
  }
}
