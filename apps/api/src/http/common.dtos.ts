import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, MaxLength } from 'class-validator';
import { Omittable } from './field-rules';
import { IsRecordId } from './record-id';

/** DTO building blocks several endpoint groups share. */
export const RECORD_KINDS = ['account', 'contact', 'lead', 'deal', 'ticket', 'campaign'] as const;

export class RecordRefDto {
  @IsIn(RECORD_KINDS)
  kind!: (typeof RECORD_KINDS)[number];

  @IsRecordId()
  id!: string;
}

export { MoneyDto } from './money.dto';

export class AddressDto {
  @Omittable() @IsString() @MaxLength(200) street?: string;
  @Omittable() @IsString() @MaxLength(100) city?: string;
  @Omittable() @IsString() @MaxLength(100) region?: string;
  @Omittable() @IsString() @MaxLength(20) postalCode?: string;
  @Omittable() @IsString() @Length(2, 2) country?: string;
}

/** Optional id a client may give a record it creates (else derived from Idempotency-Key, else random). */
export class CreatableDto {
  @ApiProperty({ required: false, description: 'the new record id; generated when absent' })
  @Omittable()
  @IsRecordId()
  id?: string;
}
