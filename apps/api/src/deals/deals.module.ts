import { Module } from '@nestjs/common';
import { commandController } from '../http/command-controller';
import { ApiCommonModule } from '../http/api-common.module';
import {
  ChangeDealAmountDto,
  ApplyQuoteToDealDto,
  ChangeDealExpectedCloseDto,
  LoseDealDto,
  MoveDealStageDto,
  OpenDealDto,
  ReopenDealDto,
} from './deal.dtos';
import { DealViewsController } from './deal-views.controller';

/** The deals: commands (derived from the catalogue), their DTOs and the deals queries. */
@Module({
  imports: [ApiCommonModule],
  controllers: [
    commandController('deal', {
      OpenDeal: OpenDealDto,
      ChangeDealAmount: ChangeDealAmountDto,
      ChangeDealExpectedClose: ChangeDealExpectedCloseDto,
      ApplyQuoteToDeal: ApplyQuoteToDealDto,
      MoveDealStage: MoveDealStageDto,
      WinDeal: null,
      LoseDeal: LoseDealDto,
      ReopenDeal: ReopenDealDto,
    }),
    DealViewsController,
  ],
})
export class DealsModule {}
