import { ReadScope, RecordViews } from '@crm/queries';
import { Controller, Get, Module, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReadScopeFromRequest } from '../auth/read-scope.decorator';
import { ApiCommonModule } from '../http/api-common.module';
import { TenancyFromRequest } from '../http/command-context.decorator';
import { commandController } from '../http/command-controller';
import { TimeTravelOptionsDto } from '../http/read-options';
import { RecordIdPipe } from '../http/record-id';
import { QueryEndpoint } from '../queries/query-endpoint.decorator';
import { found, recordOr404, Tenancy } from '../queries/view-results';
import {
  AddQuoteLineDto,
  ChangeQuoteLineDto,
  CreateQuoteDto,
  QuoteTransitionDto,
  RejectQuoteDto,
  ReviseQuoteDto,
  SetQuoteDiscountDto,
} from './quote.dtos';

@ApiTags('quotes')
@Controller('quotes')
export class QuoteViewsController {
  constructor(private readonly records: RecordViews) {}

  @Get(':id')
  @QueryEndpoint('A quote with its lines and exact totals, now or as of a past moment', {
    notFound: 'QUOTE_NOT_FOUND',
  })
  async get(
    @Param('id', RecordIdPipe) id: string,
    @Query() options: TimeTravelOptionsDto,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    const records = this.records.within(scope);
    const quote = await recordOr404(records, 'quote', tenantId, id, options);
    // A quote tells its deal's price: it is as visible as its deal.
    const dealId = typeof quote.dealId === 'string' ? quote.dealId : undefined;
    if (dealId !== undefined && scope.filters.deal !== undefined) {
      found(await records.get('deal', tenantId, dealId), 'quote', id);
    }
    return quote;
  }
}

/** The quotes over HTTP: commands (derived from the catalogue), their DTOs, and the quote view. */
@Module({
  imports: [ApiCommonModule],
  controllers: [
    commandController('quote', {
      CreateQuote: CreateQuoteDto,
      AddQuoteLine: AddQuoteLineDto,
      ChangeQuoteLine: ChangeQuoteLineDto,
      RemoveQuoteLine: null,
      SetQuoteDiscount: SetQuoteDiscountDto,
      SendQuote: QuoteTransitionDto,
      AcceptQuote: QuoteTransitionDto,
      RejectQuote: RejectQuoteDto,
      ExpireQuote: QuoteTransitionDto,
      ReviseQuote: ReviseQuoteDto,
    }),
    QuoteViewsController,
  ],
})
export class QuotesModule {}
