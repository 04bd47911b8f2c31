import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNumber, IsString, Length, Matches, Max, Min } from 'class-validator';
import { CreatableDto, MoneyDto } from '../http/common.dtos';
import { IsCalendarDate, NestedObject, Omittable } from '../http/field-rules';
import { IsRecordId } from '../http/record-id';

/** A percentage with at most two decimals, 0 to 100. */
const IsPercent = (): PropertyDecorator => (target, key) => {
  IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })(target, key);
  Min(0)(target, key);
  Max(100)(target, key);
};

export class CreateQuoteDto extends CreatableDto {
  @IsString() @Length(1, 200) title!: string;
  @IsRecordId() accountId!: string;
  @ApiProperty({ required: false, description: "the quote's currency must be the deal's" })
  @Omittable()
  @IsRecordId()
  dealId?: string;
  @Omittable() @IsRecordId() contactId?: string;
  @ApiProperty({ example: 'EUR' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a 3-letter ISO 4217 code' })
  currency!: string;
  @ApiProperty({ example: '2026-03-31', description: 'the last day the quote can be accepted' })
  @IsCalendarDate()
  validUntil!: string;
}

export class AddQuoteLineDto {
  @IsRecordId() lineId!: string;
  @IsString() @Length(1, 200) productName!: string;
  @ApiProperty({ example: 50 }) @IsInt() @Min(1) @Max(1_000_000) quantity!: number;
  @NestedObject(MoneyDto) unitPrice!: MoneyDto;
  @ApiProperty({ required: false, example: 10 }) @Omittable() @IsPercent() discountPercent?: number;
}

export class ChangeQuoteLineDto {
  @Omittable() @IsString() @Length(1, 200) productName?: string;
  @ApiProperty({ required: false }) @Omittable() @IsInt() @Min(1) @Max(1_000_000) quantity?: number;
  @Omittable() @NestedObject(MoneyDto) unitPrice?: MoneyDto;
  @ApiProperty({ required: false }) @Omittable() @IsPercent() discountPercent?: number;
}

export class SetQuoteDiscountDto {
  @ApiProperty({ example: 5 }) @IsPercent() discountPercent!: number;
}

/** Sending, accepting and expiring take no fields; any field sent is refused. */
export class QuoteTransitionDto {}

export class RejectQuoteDto {
  @IsString() @Length(1, 500) reason!: string;
}

export class ReviseQuoteDto {
  @ApiProperty({
    required: false,
    example: '2026-04-30',
    description: 'defaults to the current one',
  })
  @Omittable()
  @IsCalendarDate()
  validUntil?: string;
}
