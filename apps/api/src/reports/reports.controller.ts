import { Controller, Get, Query } from '@nestjs/common';
import { ReadScope } from '@crm/queries';
import { ApiTags } from '@nestjs/swagger';
import { ReadScopeFromRequest } from '../auth/read-scope.decorator';
import { ApiError } from '../http/api-error';
import { TenancyFromRequest } from '../http/command-context.decorator';
import { TimeTravelOptionsDto } from '../http/read-options';
import { QueryEndpoint } from '../queries/query-endpoint.decorator';
import { ReportSource } from './report-source';
import { LeadFunnelQuery, PeriodQuery, periodOf, StageConversionQuery } from './report-query.dtos';
import { Tenancy } from '../queries/view-results';

/** The analytical reports; each answers for now, or with `asOf` for a past moment (from the read models' history). */
@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly source: ReportSource) {}

  @Get('lead-funnel')
  @QueryEndpoint(
    'Leads captured, qualified, converted and won, with conversion rates, by source or campaign',
  )
  async leadFunnel(
    @Query() query: LeadFunnelQuery,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    return this.source.run(query.asOf, scope, (r) =>
      r.leadFunnel(tenantId, { groupBy: query.groupBy }),
    );
  }

  @Get('win-rate')
  @QueryEndpoint('Won and lost deals, win rate and average deal size by owner and month of closing')
  async winRate(
    @Query() query: PeriodQuery,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    return this.source.run(query.asOf, scope, (r) => r.winRate(tenantId, periodOf(query)));
  }

  @Get('sales-cycle')
  @QueryEndpoint('Days from opening to winning: average, median, p90, overall and by month')
  async salesCycle(
    @Query() query: TimeTravelOptionsDto,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    return this.source.run(query.asOf, scope, (r) => r.salesCycle(tenantId));
  }

  @Get('stage-conversion')
  @QueryEndpoint(
    'Per stage of one pipeline: deals entered, advanced, lost, still open; conversion and drop-off',
    {
      notFound: 'PIPELINE_NOT_FOUND',
    },
  )
  async stageConversion(
    @Query() query: StageConversionQuery,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    const report = await this.source.run(query.asOf, scope, (r) =>
      r.stageConversion(tenantId, query.pipelineId),
    );
    if (!report) {
      throw new ApiError({
        statusCode: 404,
        code: 'PIPELINE_NOT_FOUND',
        message: `pipeline ${query.pipelineId} does not exist`,
      });
    }
    return report;
  }

  @Get('revenue-by-month')
  @QueryEndpoint('Won revenue by month of winning and currency')
  async revenueByMonth(
    @Query() query: PeriodQuery,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    return {
      rows: await this.source.run(query.asOf, scope, (r) =>
        r.revenueByMonth(tenantId, periodOf(query)),
      ),
    };
  }

  @Get('forecast')
  @QueryEndpoint(
    'Open pipeline and probability-weighted amount by expected close month and currency',
  )
  async forecast(
    @Query() query: TimeTravelOptionsDto,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    return { rows: await this.source.run(query.asOf, scope, (r) => r.forecast(tenantId)) };
  }

  @Get('tickets')
  @QueryEndpoint('First-response and resolution times, SLA breaches and backlog by priority')
  async tickets(
    @Query() query: TimeTravelOptionsDto,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    return this.source.run(query.asOf, scope, (r, now) => r.ticketReport(tenantId, { now }));
  }

  @Get('campaigns')
  @QueryEndpoint('Per campaign: members, touches, leads, deals, revenue and cost per lead')
  async campaigns(
    @Query() query: TimeTravelOptionsDto,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    return { rows: await this.source.run(query.asOf, scope, (r) => r.campaignReport(tenantId)) };
  }
}
