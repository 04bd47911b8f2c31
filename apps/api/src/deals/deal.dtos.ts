import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { CreatableDto, MoneyDto } from '../http/common.dtos';
import { IsCalendarDate, NestedObject, Omittable, SingleLine } from '../http/field-rules';
import { IsRecordId } from '../http/record-id';

/** A deal needs an account or a contact (with neither the domain answers DEAL_NO_PARTY). */
export class OpenDealDto extends CreatableDto {
  @SingleLine() @IsString() @Length(1, 200) title!: string;
  @Omittable() @IsRecordId() accountId?: string;
  @Omittable() @IsRecordId() contactId?: string;
  @NestedObject(MoneyDto) amount!: MoneyDto;
  @IsRecordId() pipelineId!: string;
  @IsRecordId() stageId!: string;
  @ApiProperty({ example: '2026-03-31' })
  @IsCalendarDate()
  expectedCloseDate!: string;
  @ApiProperty({ required: false, description: 'defaults to the acting user' })
  @Omittable()
  @IsString()
  @Length(1, 64)
  ownerId?: string;
}

export class ChangeDealAmountDto {
  @NestedObject(MoneyDto) amount!: MoneyDto;
}

export class ChangeDealExpectedCloseDto {
  @ApiProperty({ example: '2026-04-30' })
  @IsCalendarDate()
  expectedCloseDate!: string;
}

export class MoveDealStageDto {
  @IsRecordId() stageId!: string;
}

export class ApplyQuoteToDealDto {
  @IsRecordId() quoteId!: string;
}

export class LoseDealDto {
  @IsString() @Length(1, 500) reason!: string;
}

export class ReopenDealDto {
  @ApiProperty({ required: false, description: 'defaults to the stage the deal was closed in' })
  @Omittable()
  @IsRecordId()
  stageId?: string;
}
