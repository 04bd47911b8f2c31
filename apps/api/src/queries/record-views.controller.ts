import { AggregateKind } from '@crm/domain';
import { RecordViews } from '@crm/queries';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { TenancyFromRequest } from '../http/command-context.decorator';
import { ReadGate, TimeTravelOptionsDto } from '../http/read-options';
import { RecordIdPipe } from '../http/record-id';
import { QueryEndpoint } from './query-endpoint.decorator';
import { recordOr404, Tenancy } from './view-results';

/** Single records of the kinds that have no richer view yet: their document, now or `asOf`. */
@ApiTags('records')
@Controller()
export class RecordViewsController {
  constructor(
    private readonly gate: ReadGate,
    private readonly records: RecordViews,
  ) {}

  @Get('leads/:id')
  @QueryEndpoint('A lead, now or as of a past moment', { notFound: 'LEAD_NOT_FOUND' })
  lead(
    @Param('id', RecordIdPipe) id: string,
    @Query() options: TimeTravelOptionsDto,
    @TenancyFromRequest() { tenantId }: Tenancy,
  ) {
    return this.read('lead', tenantId, id, options);
  }

  @Get('tickets/:id')
  @QueryEndpoint('A ticket, now or as of a past moment', { notFound: 'TICKET_NOT_FOUND' })
  ticket(
    @Param('id', RecordIdPipe) id: string,
    @Query() options: TimeTravelOptionsDto,
    @TenancyFromRequest() { tenantId }: Tenancy,
  ) {
    return this.read('ticket', tenantId, id, options);
  }

  @Get('campaigns/:id')
  @QueryEndpoint('A campaign, now or as of a past moment', { notFound: 'CAMPAIGN_NOT_FOUND' })
  campaign(
    @Param('id', RecordIdPipe) id: string,
    @Query() options: TimeTravelOptionsDto,
    @TenancyFromRequest() { tenantId }: Tenancy,
  ) {
    return this.read('campaign', tenantId, id, options);
  }

  @Get('interactions/:id')
  @QueryEndpoint('An interaction, now or as of a past moment', {
    notFound: 'INTERACTION_NOT_FOUND',
  })
  interaction(
    @Param('id', RecordIdPipe) id: string,
    @Query() options: TimeTravelOptionsDto,
    @TenancyFromRequest() { tenantId }: Tenancy,
  ) {
    return this.read('interaction', tenantId, id, options);
  }

  private async read(
    kind: AggregateKind,
    tenantId: string,
    id: string,
    options: TimeTravelOptionsDto,
  ) {
    await this.gate.ready(options);
    return recordOr404(this.records, kind, tenantId, id, options);
  }
}
