import { pipelineBoard, ReadModels, ReadScope, RecordViews } from '@crm/queries';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReadScopeFromRequest } from '../auth/read-scope.decorator';
import { TenancyFromRequest } from '../http/command-context.decorator';
import { TimeTravelOptionsDto } from '../http/read-options';
import { RecordIdPipe } from '../http/record-id';
import { PipelineBoardQuery } from './board-query.dto';
import { QueryEndpoint } from '../queries/query-endpoint.decorator';
import { ViewClock } from '../queries/view-clock';
import { found, recordOr404, Tenancy } from '../queries/view-results';

@ApiTags('pipelines')
@Controller('pipelines')
export class PipelineViewsController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly records: RecordViews,
    private readonly clock: ViewClock,
  ) {}

  @Get(':id')
  @QueryEndpoint('A pipeline with its stages, now or as of a past moment', {
    notFound: 'PIPELINE_NOT_FOUND',
  })
  async get(
    @Param('id', RecordIdPipe) id: string,
    @Query() options: TimeTravelOptionsDto,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    return recordOr404(this.records.within(scope), 'pipeline', tenantId, id, options);
  }

  @Get(':id/board')
  @QueryEndpoint(
    "The pipeline board: stages in order with their open deals' count, totals and probability-weighted totals per currency, and the first perStage deals of each (nextCursor pages on through GET /deals)",
    { notFound: 'PIPELINE_NOT_FOUND' },
  )
  async board(
    @Param('id', RecordIdPipe) id: string,
    @Query() { ownerId, perStage }: PipelineBoardQuery,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    const readModels = this.readModels.within(scope);
    const board = await pipelineBoard(
      readModels,
      tenantId,
      id,
      { ownerId, perStage },
      this.clock.now(),
    );
    return found(board, 'pipeline', id);
  }
}
