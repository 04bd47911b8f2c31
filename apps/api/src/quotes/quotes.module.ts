import { Module } from '@nestjs/common';
import { ApiCommonModule } from '../http/api-common.module';
import { commandController } from '../http/command-controller';
import {
  AddQuoteLineDto,
  ChangeQuoteLineDto,
  CreateQuoteDto,
  RejectQuoteDto,
  ReviseQuoteDto,
  SetQuoteDiscountDto,
  QuoteTransitionDto,
} from './quote.dtos';
import { QuoteViewsController } from './quote-views.controller';

/** The quotes: commands (derived from the catalogue), their DTOs, and the quote view. */
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
