import {
  account360,
  listAccounts,
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
import { ListAccountsQuery } from './list-query.dtos';
import { QueryEndpoint } from './query-endpoint.decorator';
import { TimelineQuery } from './timeline-query.dto';
import { ViewClock } from './view-clock';
import { viewMoment } from './view-moment';
import { found, recordOr404, Tenancy } from './view-results';

@ApiTags('accounts')
@Controller('accounts')
export class AccountViewsController {
  constructor(
    private readonly gate: ReadGate,
    private readonly readModels: ReadModels,
    private readonly records: RecordViews,
    private readonly clock: ViewClock,
  ) {}

  @Get()
  @QueryEndpoint('List accounts by name, filtered by name, tag, owner or status')
  async list(
    @Query() query: ListAccountsQuery,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    await this.gate.ready(query);
    return listAccounts(this.readModels.within(scope), tenantId, query);
  }

  @Get(':id')
  @QueryEndpoint('An account, now or as of a past moment', { notFound: 'ACCOUNT_NOT_FOUND' })
  async get(
    @Param('id', RecordIdPipe) id: string,
    @Query() options: TimeTravelOptionsDto,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    await this.gate.ready(options);
    return recordOr404(this.records.within(scope), 'account', tenantId, id, options);
  }

  @Get(':id/360')
  @QueryEndpoint(
    'Everything about an account: contacts, deals, lifetime value, open tickets with SLA, interactions, next task, latest timeline; now or as of a past moment',
    { notFound: 'ACCOUNT_NOT_FOUND' },
  )
  async view360(
    @Param('id', RecordIdPipe) id: string,
    @Query() options: TimeTravelOptionsDto,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    await this.gate.ready(options);
    const { readModels, now } = viewMoment(this.readModels.within(scope), this.clock, options.asOf);
    return found(await account360(readModels, tenantId, id, now), 'account', id);
  }

  @Get(':id/timeline')
  @QueryEndpoint(
    "An account's timeline (with its deals' and tickets'), newest first, paged by cursor",
    {
      notFound: 'ACCOUNT_NOT_FOUND',
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
      await timeline(this.readModels.within(scope), tenantId, { accountId: id }, query),
      'account',
      id,
    );
  }
}
