import { dealDetail, ReadModels, ReadScope, RecordViews, timeline } from '@crm/queries';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReadScopeFromRequest } from '../auth/read-scope.decorator';
import { TenancyFromRequest } from '../http/command-context.decorator';
import { TimeTravelOptionsDto } from '../http/read-options';
import { RecordIdPipe } from '../http/record-id';
import { QueryEndpoint } from '../queries/query-endpoint.decorator';
import { TimelineQuery } from '../queries/timeline-query.dto';
import { ViewClock } from '../queries/view-clock';
import { found, recordOr404, Tenancy } from '../queries/view-results';

@ApiTags('deals')
@Controller('deals')
export class DealViewsController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly records: RecordViews,
    private readonly clock: ViewClock,
  ) {}

  @Get(':id')
  @QueryEndpoint(
    'A deal with its named stage history and days in stage; with asOf, the deal document as it was then',
    { notFound: 'DEAL_NOT_FOUND' },
  )
  async get(
    @Param('id', RecordIdPipe) id: string,
    @Query() options: TimeTravelOptionsDto,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    if (options.asOf !== undefined) {
      return recordOr404(this.records.within(scope), 'deal', tenantId, id, options);
    }
    const readModels = this.readModels.within(scope);
    return found(await dealDetail(readModels, tenantId, id, this.clock.now()), 'deal', id);
  }

  @Get(':id/timeline')
  @QueryEndpoint("A deal's timeline, newest first, paged by cursor", { notFound: 'DEAL_NOT_FOUND' })
  async timeline(
    @Param('id', RecordIdPipe) id: string,
    @Query() query: TimelineQuery,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    const readModels = this.readModels.within(scope);
    return found(await timeline(readModels, tenantId, { dealId: id }, query), 'deal', id);
  }
}
