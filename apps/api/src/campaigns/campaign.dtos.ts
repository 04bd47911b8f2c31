import {
  CAMPAIGN_CHANNELS,
  CAMPAIGN_TOUCHES,
  CampaignChannel,
  CampaignTouch,
  RECORD_LIMITS,
} from '@crm/domain';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Length } from 'class-validator';
import { CreatableDto, MoneyDto } from '../http/common.dtos';
import { IsCalendarDate, IsTimestamp, NestedObject, SingleLine } from '../http/field-rules';
import { IsRecordId } from '../http/record-id';

export class CreateCampaignDto extends CreatableDto {
  @SingleLine() @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ enum: CAMPAIGN_CHANNELS }) @IsIn(CAMPAIGN_CHANNELS) channel!: CampaignChannel;
  @NestedObject(MoneyDto) budget!: MoneyDto;

  @ApiProperty({ example: '2026-03-01', description: 'first day, YYYY-MM-DD' })
  @IsCalendarDate()
  startsOn!: string;

  @ApiProperty({ example: '2026-03-31', description: 'last day (included), YYYY-MM-DD' })
  @IsCalendarDate()
  endsOn!: string;
}

/** 1 to 1000 contact ids; duplicates and contacts already in (or not in) the campaign are skipped. */
export class CampaignMembersDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(RECORD_LIMITS.campaignMembersPerCommand)
  @IsRecordId({ each: true })
  contactIds!: string[];
}

export class RecordCampaignTouchDto {
  @IsRecordId() contactId!: string;
  @ApiProperty({ enum: CAMPAIGN_TOUCHES }) @IsIn(CAMPAIGN_TOUCHES) touch!: CampaignTouch;
  @IsTimestamp() occurredAt!: string;
}

/** Completing takes no fields; any field sent is refused. */
export class CompleteCampaignDto {}
