import { CommandContext } from '@crm/application';
import {
  AddCampaignMembers,
  CompleteCampaign,
  CreateCampaign,
  RecordCampaignTouch,
  RemoveCampaignMembers,
} from '@crm/domain';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandContextFromRequest } from '../http/command-context.decorator';
import { CommandEndpoint } from '../http/command-endpoint.decorator';
import { CommandSender } from '../http/command-sender';
import { newRecordId, RecordIdPipe } from '../http/record-id';
import {
  CampaignMembersDto,
  CompleteCampaignDto,
  CreateCampaignDto,
  RecordCampaignTouchDto,
} from './campaign.dtos';

@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly commands: CommandSender) {}

  @Post()
  @CommandEndpoint('Create a campaign', { creates: true })
  create(
    @Body() { id, ...body }: CreateCampaignDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    const campaignId = newRecordId(context, id);
    return this.commands.send<CreateCampaign>(
      'campaign',
      campaignId,
      { type: 'CreateCampaign', data: { campaignId, ...body } },
      context,
    );
  }

  @Post(':id/members')
  @CommandEndpoint('Add contacts to a campaign (every one must exist)')
  addMembers(
    @Param('id', RecordIdPipe) campaignId: string,
    @Body() body: CampaignMembersDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<AddCampaignMembers>(
      'campaign',
      campaignId,
      { type: 'AddCampaignMembers', data: { campaignId, ...body } },
      context,
    );
  }

  @Post(':id/members/remove')
  @CommandEndpoint('Remove contacts from a campaign')
  removeMembers(
    @Param('id', RecordIdPipe) campaignId: string,
    @Body() body: CampaignMembersDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<RemoveCampaignMembers>(
      'campaign',
      campaignId,
      { type: 'RemoveCampaignMembers', data: { campaignId, ...body } },
      context,
    );
  }

  @Post(':id/touches')
  @CommandEndpoint('Record that a campaign reached one of its members')
  recordTouch(
    @Param('id', RecordIdPipe) campaignId: string,
    @Body() body: RecordCampaignTouchDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<RecordCampaignTouch>(
      'campaign',
      campaignId,
      { type: 'RecordCampaignTouch', data: { campaignId, ...body } },
      context,
    );
  }

  @Post(':id/complete')
  @CommandEndpoint('Complete a campaign')
  complete(
    @Param('id', RecordIdPipe) campaignId: string,
    @Body() _body: CompleteCampaignDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<CompleteCampaign>(
      'campaign',
      campaignId,
      { type: 'CompleteCampaign', data: { campaignId } },
      context,
    );
  }
}
