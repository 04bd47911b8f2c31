import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { CreatableDto, MoneyDto } from '../http/common.dtos';
import { Omittable } from '../http/field-rules';
import { RECORD_ID_PATTERN } from '../http/record-id';

const RECORD_ID_MESSAGE = { message: '$property must be 1-64 letters, digits, _ or -' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_MESSAGE = { message: '$property must be a YYYY-MM-DD date' };

/** A deal needs an account or a contact (with neither the domain answers DEAL_NO_PARTY). */
export class OpenDealDto extends CreatableDto {
  @IsString() @Length(1, 200) title!: string;
  @Omittable() @Matches(RECORD_ID_PATTERN, RECORD_ID_MESSAGE) accountId?: string;
  @Omittable() @Matches(RECORD_ID_PATTERN, RECORD_ID_MESSAGE) contactId?: string;
  @IsObject() @ValidateNested() @Type(() => MoneyDto) amount!: MoneyDto;
  @Matches(RECORD_ID_PATTERN, RECORD_ID_MESSAGE) pipelineId!: string;
  @Matches(RECORD_ID_PATTERN, RECORD_ID_MESSAGE) stageId!: string;
  @ApiProperty({ example: '2026-03-31' })
  @Matches(ISO_DATE, ISO_DATE_MESSAGE)
  expectedCloseDate!: string;
  @ApiProperty({ required: false, description: 'defaults to the acting user' })
  @Omittable()
  @IsString()
  @Length(1, 64)
  ownerId?: string;
}

export class ChangeDealAmountDto {
  @IsObject() @ValidateNested() @Type(() => MoneyDto) amount!: MoneyDto;
}

export class ChangeDealExpectedCloseDto {
  @ApiProperty({ example: '2026-04-30' })
  @Matches(ISO_DATE, ISO_DATE_MESSAGE)
  expectedCloseDate!: string;
}

export class MoveDealStageDto {
  @Matches(RECORD_ID_PATTERN, RECORD_ID_MESSAGE) stageId!: string;
}

export class LoseDealDto {
  @IsString() @Length(1, 500) reason!: string;
}

export class ReopenDealDto {
  @ApiProperty({ required: false, description: 'defaults to the stage the deal was closed in' })
  @Omittable()
  @Matches(RECORD_ID_PATTERN, RECORD_ID_MESSAGE)
  stageId?: string;
}
