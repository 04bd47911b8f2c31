import { CommandContext } from '@crm/application';
import {
  ChangeDealAmount,
  ChangeDealExpectedClose,
  LoseDeal,
  MoveDealStage,
  OpenDeal,
  ReopenDeal,
  WinDeal,
} from '@crm/domain';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandContextFromRequest } from '../http/command-context.decorator';
import { CommandEndpoint } from '../http/command-endpoint.decorator';
import { CommandSender } from '../http/command-sender';
import { newRecordId, RecordIdPipe } from '../http/record-id';
import {
  ChangeDealAmountDto,
  ChangeDealExpectedCloseDto,
  LoseDealDto,
  MoveDealStageDto,
  OpenDealDto,
  ReopenDealDto,
} from './deal.dtos';

/** A deal command as the client sends it: the preparer adds the pipeline's stages. */
type WithoutStages<C extends OpenDeal | MoveDealStage | ReopenDeal> = Omit<
  C['data'],
  'pipelineStages'
>;

@ApiTags('deals')
@Controller('deals')
export class DealsController {
  constructor(private readonly commands: CommandSender) {}

  @Post()
  @CommandEndpoint('Open a deal in a pipeline stage', { creates: true })
  open(
    @Body() { id, ownerId, ...body }: OpenDealDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    const dealId = newRecordId(context, id);
    const data: WithoutStages<OpenDeal> = { dealId, ...body, ownerId: ownerId ?? context.actorId };
    return this.commands.send('deal', dealId, { type: 'OpenDeal', data }, context);
  }

  @Post(':id/amount')
  @CommandEndpoint("Change a deal's amount")
  changeAmount(
    @Param('id', RecordIdPipe) dealId: string,
    @Body() body: ChangeDealAmountDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<ChangeDealAmount>(
      'deal',
      dealId,
      { type: 'ChangeDealAmount', data: { dealId, ...body } },
      context,
    );
  }

  @Post(':id/expected-close')
  @CommandEndpoint("Change a deal's expected close date")
  changeExpectedClose(
    @Param('id', RecordIdPipe) dealId: string,
    @Body() body: ChangeDealExpectedCloseDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<ChangeDealExpectedClose>(
      'deal',
      dealId,
      { type: 'ChangeDealExpectedClose', data: { dealId, ...body } },
      context,
    );
  }

  @Post(':id/stage')
  @CommandEndpoint('Move a deal to another stage of its pipeline')
  moveStage(
    @Param('id', RecordIdPipe) dealId: string,
    @Body() body: MoveDealStageDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    const data: WithoutStages<MoveDealStage> = { dealId, ...body };
    return this.commands.send('deal', dealId, { type: 'MoveDealStage', data }, context);
  }

  @Post(':id/win')
  @CommandEndpoint('Win a deal')
  win(
    @Param('id', RecordIdPipe) dealId: string,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<WinDeal>(
      'deal',
      dealId,
      { type: 'WinDeal', data: { dealId } },
      context,
    );
  }

  @Post(':id/lose')
  @CommandEndpoint('Lose a deal')
  lose(
    @Param('id', RecordIdPipe) dealId: string,
    @Body() body: LoseDealDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<LoseDeal>(
      'deal',
      dealId,
      { type: 'LoseDeal', data: { dealId, ...body } },
      context,
    );
  }

  @Post(':id/reopen')
  @CommandEndpoint('Reopen a won or lost deal')
  reopen(
    @Param('id', RecordIdPipe) dealId: string,
    @Body() body: ReopenDealDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    const data: WithoutStages<ReopenDeal> = { dealId, ...body };
    return this.commands.send('deal', dealId, { type: 'ReopenDeal', data }, context);
  }
}
