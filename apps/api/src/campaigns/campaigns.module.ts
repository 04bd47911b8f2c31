import { Module } from '@nestjs/common';
import { commandController } from '../http/command-controller';
import { ApiCommonModule } from '../http/api-common.module';
import {
  CampaignMembersDto,
  CompleteCampaignDto,
  CreateCampaignDto,
  RecordCampaignTouchDto,
} from './campaign.dtos';

/** The campaigns: commands (derived from the catalogue) and their DTOs. */
@Module({
  imports: [ApiCommonModule],
  controllers: [
    commandController('campaign', {
      CreateCampaign: CreateCampaignDto,
      AddCampaignMembers: CampaignMembersDto,
      RemoveCampaignMembers: CampaignMembersDto,
      RecordCampaignTouch: RecordCampaignTouchDto,
      CompleteCampaign: CompleteCampaignDto,
    }),
  ],
})
export class CampaignsModule {}
