import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsInt,
  IsISO31661Alpha2,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CreatableDto, MoneyDto } from '../http/common.dtos';
import {
  ClearedByNull,
  IsCalendarDate,
  NestedObject,
  Omittable,
  OptionalNestedObject,
  SingleLine,
} from '../http/field-rules';
import { IsRecordId } from '../http/record-id';

/** The person behind the lead; the domain requires an email or a phone to reach them. */
export class LeadContactDto {
  @SingleLine() @IsString() @Length(1, 100) firstName!: string;
  @SingleLine() @IsString() @Length(1, 100) lastName!: string;
  @Omittable() @IsEmail() @MaxLength(254) email?: string;
  @Omittable() @IsString() @Length(1, 50) phone?: string;
  @Omittable() @IsString() @Length(1, 200) company?: string;
  @Omittable() @SingleLine() @IsString() @Length(1, 200) title?: string;
  @Omittable() @SingleLine() @IsString() @Length(1, 200) industry?: string;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: "the company's employees" })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  companySize?: number;
  @ApiPropertyOptional({
    description: 'ISO 3166-1 alpha-2 code, any case; stored upper-case',
    example: 'DE',
  })
  @Omittable()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string;
}

export class CaptureLeadDto extends CreatableDto {
  @IsString() @Length(1, 100) source!: string;
  @Omittable() @IsRecordId() campaignId?: string;
  @NestedObject(LeadContactDto) contact!: LeadContactDto;
  @Omittable() @IsInt() @Min(-1_000_000) @Max(1_000_000) initialScore?: number;
  @Omittable() @SingleLine() @IsString() @Length(1, 64) ownerId?: string;
}

export class AdjustLeadScoreDto {
  @ApiProperty({
    type: 'integer',
    minimum: -1_000_000,
    maximum: 1_000_000,
    description: 'a non-zero integer; 0 is refused by the domain (LEAD_SCORE_DELTA_ZERO)',
  })
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  delta!: number;
  @IsString() @Length(1, 500) reason!: string;
}

export class ScoreLeadDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: "a published version of the tenant's scoring model",
  })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  modelVersion!: number;
}

export class AssignLeadDto {
  @ClearedByNull('the new owner; null unassigns the lead')
  @SingleLine()
  @IsString()
  @Length(1, 64)
  ownerId!: string | null;
}

export class QualifyLeadDto {
  @Omittable() @IsString() @MaxLength(2000) note?: string;
}

export class DisqualifyLeadDto {
  @IsString() @Length(1, 500) reason!: string;
}

/** The deal a conversion opens; its id is derived from the lead's. */
export class ConversionDealDto {
  @SingleLine() @IsString() @Length(1, 200) title!: string;
  @IsRecordId() pipelineId!: string;
  /** Defaults to the pipeline's first stage. */
  @Omittable() @IsRecordId() stageId?: string;
  @NestedObject(MoneyDto) amount!: MoneyDto;
  @IsCalendarDate() expectedCloseDate!: string;
}

/** Converts into an existing account, or one created from the lead's company (default). */
export class ConvertLeadDto {
  @Omittable() @IsRecordId() accountId?: string;
  @Omittable() @IsBoolean() createAccount?: boolean;
  @OptionalNestedObject(ConversionDealDto) deal?: ConversionDealDto;
}
