import {
  contact360,
  listContacts,
  ReadModels,
  ReadScope,
  RecordViews,
  timeline,
} from '@crm/queries';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReadScopeFromRequest } from '../auth/read-scope.decorator';
import { TenancyFromRequest } from '../http/command-context.decorator';
import { ReadGate, TimeTravelOptionsDto } from '../http/read-options';
import { RecordIdPipe } from '../http/record-id';
import { ListContactsQuery } from './list-query.dtos';
import { QueryEndpoint } from './query-endpoint.decorator';
import { TimelineQuery } from './timeline-query.dto';
import { ViewClock } from './view-clock';
import { viewMoment } from './view-moment';
import { found, recordOr404, Tenancy } from './view-results';

@ApiTags('contacts')
@Controller('contacts')
export class ContactViewsController {
  constructor(
    private readonly gate: ReadGate,
    private readonly readModels: ReadModels,
    private readonly records: RecordViews,
    private readonly clock: ViewClock,
  ) {}

  @Get()
  @QueryEndpoint('List contacts by name, filtered by name, email, tag, owner or account')
  async list(
    @Query() query: ListContactsQuery,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    await this.gate.ready(query);
    return listContacts(this.readModels.within(scope), tenantId, query);
  }

  @Get(':id')
  @QueryEndpoint('A contact, now or as of a past moment', { notFound: 'CONTACT_NOT_FOUND' })
  async get(
    @Param('id', RecordIdPipe) id: string,
    @Query() options: TimeTravelOptionsDto,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    await this.gate.ready(options);
    return recordOr404(this.records.within(scope), 'contact', tenantId, id, options);
  }

  @Get(':id/360')
  @QueryEndpoint(
    'Everything about a contact: account, lead, deals, lifetime value, open tickets with SLA, campaigns, interactions, next task, latest timeline; now or as of a past moment',
    { notFound: 'CONTACT_NOT_FOUND' },
  )
  async view360(
    @Param('id', RecordIdPipe) id: string,
    @Query() options: TimeTravelOptionsDto,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    await this.gate.ready(options);
    const { readModels, now } = viewMoment(this.readModels.within(scope), this.clock, options.asOf);
    return found(await contact360(readModels, tenantId, id, now), 'contact', id);
  }

  @Get(':id/timeline')
  @QueryEndpoint(
    "A contact's timeline (with its deals' and tickets'), newest first, paged by cursor",
    {
      notFound: 'CONTACT_NOT_FOUND',
    },
  )
  async timeline(
    @Param('id', RecordIdPipe) id: string,
    @Query() query: TimelineQuery,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    await this.gate.ready(query);
    return found(
      await timeline(this.readModels.within(scope), tenantId, { contactId: id }, query),
      'contact',
      id,
    );
  }
}
