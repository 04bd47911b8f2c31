import { AggregateKind } from '@crm/domain';
import { ReadScope, RecordViews } from '@crm/queries';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReadScopeFromRequest } from '../auth/read-scope.decorator';
import { TenancyFromRequest } from '../http/command-context.decorator';
import { TimeTravelOptionsDto } from '../http/read-options';
import { RecordIdPipe } from '../http/record-id';
import { QueryEndpoint } from './query-endpoint.decorator';
import { recordOr404, Tenancy } from './view-results';

/** Single records of the kinds that have no richer view yet: their document, now or `asOf`. */
@ApiTags('records')
@Controller()
export class RecordViewsController {
  constructor(private readonly records: RecordViews) {}

  @Get('leads/:id')
  @QueryEndpoint('A lead, now or as of a past moment', { notFound: 'LEAD_NOT_FOUND' })
  lead(
    @Param('id', RecordIdPipe) id: string,
    @Query() options: TimeTravelOptionsDto,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    return this.read(scope, 'lead', tenantId, id, options);
  }

  @Get('tickets/:id')
  @QueryEndpoint('A ticket, now or as of a past moment', { notFound: 'TICKET_NOT_FOUND' })
  ticket(
    @Param('id', RecordIdPipe) id: string,
    @Query() options: TimeTravelOptionsDto,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    return this.read(scope, 'ticket', tenantId, id, options);
  }

  @Get('campaigns/:id')
  @QueryEndpoint('A campaign, now or as of a past moment', { notFound: 'CAMPAIGN_NOT_FOUND' })
  campaign(
    @Param('id', RecordIdPipe) id: string,
    @Query() options: TimeTravelOptionsDto,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    return this.read(scope, 'campaign', tenantId, id, options);
  }

  @Get('interactions/:id')
  @QueryEndpoint('An interaction, now or as of a past moment', {
    notFound: 'INTERACTION_NOT_FOUND',
  })
  interaction(
    @Param('id', RecordIdPipe) id: string,
    @Query() options: TimeTravelOptionsDto,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    return this.read(scope, 'interaction', tenantId, id, options);
  }

  private async read(
    scope: ReadScope,
    kind: AggregateKind,
    tenantId: string,
    id: string,
    options: TimeTravelOptionsDto,
  ) {
    return recordOr404(this.records.within(scope), kind, tenantId, id, options);
  }
}
