import {
  listCampaigns,
  listDeals,
  listInteractions,
  listLeads,
  listPipelines,
  listTickets,
  ReadModels,
  ReadScope,
} from '@crm/queries';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReadScopeFromRequest } from '../auth/read-scope.decorator';
import { TenancyFromRequest } from '../http/command-context.decorator';
import { QueryEndpoint } from './query-endpoint.decorator';
import {
  ListCampaignsQuery,
  ListDealsQuery,
  ListInteractionsQuery,
  ListLeadsQuery,
  ListPipelinesQuery,
  ListTicketsQuery,
} from './record-list-query.dtos';
import { ViewClock } from './view-clock';
import { Tenancy } from './view-results';

/** The lists of the record kinds that have no view controller of their own for lists. */
@Controller()
export class RecordListsController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly clock: ViewClock,
  ) {}

  @Get('leads')
  @ApiTags('leads')
  @QueryEndpoint('List leads, filtered by status, source, campaign, owner, score and capture time')
  async leads(
    @Query() query: ListLeadsQuery,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    return listLeads(this.readModels.within(scope), tenantId, query);
  }

  @Get('deals')
  @ApiTags('deals')
  @QueryEndpoint(
    'List deals as summaries, filtered by pipeline, stage, status, owner, account, contact and expected close',
  )
  async deals(
    @Query() query: ListDealsQuery,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    return listDeals(this.readModels.within(scope), tenantId, query);
  }

  @Get('tickets')
  @ApiTags('tickets')
  @QueryEndpoint(
    'List tickets with their SLA now, filtered by status, priority, channel, assignee, contact and account',
  )
  async tickets(
    @Query() query: ListTicketsQuery,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    return listTickets(this.readModels.within(scope), tenantId, query, this.clock.now());
  }

  @Get('campaigns')
  @ApiTags('campaigns')
  @QueryEndpoint('List campaigns, filtered by status and channel')
  async campaigns(
    @Query() query: ListCampaignsQuery,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    return listCampaigns(this.readModels.within(scope), tenantId, query);
  }

  @Get('pipelines')
  @ApiTags('pipelines')
  @QueryEndpoint('List pipelines with their stages')
  async pipelines(
    @Query() query: ListPipelinesQuery,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    return listPipelines(this.readModels.within(scope), tenantId, query);
  }

  @Get('interactions')
  @ApiTags('interactions')
  @QueryEndpoint('List interactions, filtered by channel, linked record and time')
  async interactions(
    @Query() query: ListInteractionsQuery,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    return listInteractions(this.readModels.within(scope), tenantId, query);
  }
}
