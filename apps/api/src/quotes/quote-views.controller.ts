import { RecordViews } from '@crm/queries';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { TenancyFromRequest } from '../http/command-context.decorator';
import { ReadGate, TimeTravelOptionsDto } from '../http/read-options';
import { RecordIdPipe } from '../http/record-id';
import { QueryEndpoint } from '../queries/query-endpoint.decorator';
import { recordOr404, Tenancy } from '../queries/view-results';

@ApiTags('quotes')
@Controller('quotes')
export class QuoteViewsController {
  constructor(
    private readonly gate: ReadGate,
    private readonly records: RecordViews,
  ) {}

  @Get(':id')
  @QueryEndpoint('A quote with its lines and exact totals, now or as of a past moment', {
    notFound: 'QUOTE_NOT_FOUND',
  })
  async get(
    @Param('id', RecordIdPipe) id: string,
    @Query() options: TimeTravelOptionsDto,
    @TenancyFromRequest() { tenantId }: Tenancy,
  ) {
    await this.gate.ready(options);
    return recordOr404(this.records, 'quote', tenantId, id, options);
  }
}
