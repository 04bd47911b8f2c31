import { CampaignChannel, CampaignTouch } from '@crm/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { CreatableDto, MoneyDto } from '../http/common.dtos';
import { RECORD_ID_PATTERN } from '../http/record-id';

const CHANNELS = Object.keys({
  email: 0,
  social: 0,
  ads: 0,
  events: 0,
  webinar: 0,
  direct_mail: 0,
} satisfies Record<CampaignChannel, 0>);
const TOUCHES = Object.keys({ sent: 0, opened: 0, clicked: 0, responded: 0 } satisfies Record<
  CampaignTouch,
  0
>);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID_MESSAGE = 'must be 1-64 letters, digits, _ or -';

export class CreateCampaignDto extends CreatableDto {
  @IsString() @Length(1, 200) name!: string;
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel!: CampaignChannel;
  @ValidateNested() @Type(() => MoneyDto) budget!: MoneyDto;

  @ApiProperty({ example: '2026-03-01', description: 'first day, YYYY-MM-DD' })
  @Matches(DATE, { message: 'startsOn must be a YYYY-MM-DD date' })
  startsOn!: string;

  @ApiProperty({ example: '2026-03-31', description: 'last day (included), YYYY-MM-DD' })
  @Matches(DATE, { message: 'endsOn must be a YYYY-MM-DD date' })
  endsOn!: string;
}

/** 1 to 1000 contact ids; duplicates and contacts already in (or not in) the campaign are skipped. */
export class CampaignMembersDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @Matches(RECORD_ID_PATTERN, { each: true, message: `each contact id ${ID_MESSAGE}` })
  contactIds!: string[];
}

export class RecordCampaignTouchDto {
  @Matches(RECORD_ID_PATTERN, { message: `contactId ${ID_MESSAGE}` }) contactId!: string;
  @ApiProperty({ enum: TOUCHES }) @IsIn(TOUCHES) touch!: CampaignTouch;
  @IsISO8601({ strict: true }) occurredAt!: string;
}

/** Completing takes no fields; any field sent is refused. */
export class CompleteCampaignDto {}
