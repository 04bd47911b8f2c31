import {
  EVENT_STORE,
  principalRecordOf,
  PublishedScoringModel,
  publishScoringModel,
  readScoringModels,
} from '@crm/application';
import { EventStore } from '@crm/event-store';
import { ReadModels } from '@crm/queries';
import { Body, Controller, Get, HttpCode, Inject, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { principalOf } from '../auth/request-principal';
import { ApiError } from '../http/api-error';
import { ViewClock } from '../queries/view-clock';
import { rescoringProgress } from './rescoring-progress';
import { ScoringModelDto, ScoringModelVersionQueryDto } from './scoring-model.dtos';

const viewOf = (model: PublishedScoringModel) => ({
  version: model.version,
  fitRules: model.fitRules,
  engagementRules: model.engagementRules,
  threshold: model.threshold,
  ...(model.decay !== undefined && {
    decay: { points: model.decay.points, every: model.decay.every },
  }),
  publishedAt: model.publishedAt,
  publishedBy: model.publishedBy,
});

const notFound = (version?: number): ApiError =>
  new ApiError({
    statusCode: 404,
    code: 'SCORING_MODEL_NOT_FOUND',
    message:
      version === undefined
        ? 'the tenant has published no scoring model'
        : `the tenant has no scoring model version ${version}`,
  });

/** The tenant's lead-scoring model: versions published whole, and the rescoring they start. */
@ApiTags('scoring')
@ApiBearerAuth()
@Controller('scoring-model')
export class ScoringModelController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModels,
    private readonly clock: ViewClock,
  ) {}

  @Put()
  @HttpCode(200)
  @ApiOperation({
    summary: "Publish the tenant's scoring model as its next version; every open lead is rescored",
  })
  async publish(@Body() body: ScoringModelDto, @Req() request: FastifyRequest) {
    const principal = principalOf(request);
    const definition = {
      fitRules: body.fitRules.map((rule) => ({
        id: rule.id,
        attribute: rule.attribute,
        operator: rule.operator,
        ...(rule.value !== undefined && { value: rule.value }),
        ...(rule.values !== undefined && { values: [...rule.values] }),
        ...(rule.number !== undefined && { number: rule.number }),
        points: rule.points,
      })),
      engagementRules: (body.engagementRules ?? []).map(({ id, kind, points }) => ({
        id,
        kind,
        points,
      })),
      threshold: body.threshold,
      ...(body.decay !== undefined && {
        decay: { points: body.decay.points, every: body.decay.every },
      }),
    };
    const published = await publishScoringModel(
      this.store,
      principal.tenant,
      definition,
      principalRecordOf(principal),
      this.clock.now(),
    );
    return viewOf(published);
  }

  @Get()
  @ApiOperation({ summary: "The tenant's current scoring model, or the version asked for" })
  @ApiResponse({ status: 404, description: 'SCORING_MODEL_NOT_FOUND' })
  async current(@Query() query: ScoringModelVersionQueryDto, @Req() request: FastifyRequest) {
    const models = await readScoringModels(this.store, principalOf(request).tenant);
    const model =
      query.version === undefined
        ? models[models.length - 1]
        : models.find((candidate) => candidate.version === query.version);
    if (!model) throw notFound(query.version);
    return viewOf(model);
  }

  @Get('versions')
  @ApiOperation({ summary: "Every version of the tenant's scoring model, oldest first" })
  async versions(@Req() request: FastifyRequest) {
    const models = await readScoringModels(this.store, principalOf(request).tenant);
    return { versions: models.map(viewOf) };
  }

  @Get('rescoring')
  @ApiOperation({
    summary:
      "How far the current model version has got through the tenant's open leads (counted in the leads read model)",
  })
  @ApiResponse({ status: 404, description: 'SCORING_MODEL_NOT_FOUND' })
  async rescoring(@Req() request: FastifyRequest) {
    const tenantId = principalOf(request).tenant;
    const models = await readScoringModels(this.store, tenantId);
    const current = models[models.length - 1];
    if (!current) throw notFound();
    return rescoringProgress(this.readModels, tenantId, current.version);
  }
}
