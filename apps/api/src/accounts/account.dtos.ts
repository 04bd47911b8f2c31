import { ACCOUNT_SIZES, AccountSize, CustomFieldValue } from '@crm/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsFQDN, IsIn, IsString, Length, MaxLength } from 'class-validator';
import { AddressDto, CreatableDto } from '../http/common.dtos';
import {
  Clearable,
  ClearableNestedObject,
  IsCustomFieldValue,
  Omittable,
  OptionalNestedObject,
  SingleLine,
  IsTag,
  ClearedByNull,
} from '../http/field-rules';

export class RegisterAccountDto extends CreatableDto {
  @SingleLine() @IsString() @Length(1, 200) name!: string;
  @Omittable() @IsFQDN() @MaxLength(253) domain?: string;
  @Omittable() @IsString() @Length(1, 100) industry?: string;
  @Omittable() @IsIn(ACCOUNT_SIZES) size?: AccountSize;
  @OptionalNestedObject(AddressDto) address?: AddressDto;
  @Omittable() @SingleLine() @IsString() @Length(1, 64) ownerId?: string;
}

/** Fields left out are not touched. */
export class UpdateAccountProfileDto {
  @Omittable() @SingleLine() @IsString() @Length(1, 200) name?: string;
  @Clearable() @IsFQDN() @MaxLength(253) domain?: string | null;
  @Clearable() @SingleLine() @IsString() @Length(1, 100) industry?: string | null;
  @Clearable() @IsIn(ACCOUNT_SIZES) size?: AccountSize | null;
  @ClearableNestedObject(AddressDto) address?: AddressDto | null;
}

export class AssignAccountOwnerDto {
  @ClearedByNull('the new owner; null clears the owner')
  @SingleLine()
  @IsString()
  @Length(1, 64)
  ownerId!: string | null;
}

export class TagAccountDto {
  @IsTag() tag!: string;
}

export class SetAccountCustomFieldDto {
  @ApiProperty({
    oneOf: [{ type: 'string', maxLength: 2000 }, { type: 'number' }, { type: 'boolean' }],
    nullable: true,
  })
  @IsCustomFieldValue()
  value!: CustomFieldValue;
}

export class ArchiveAccountDto {
  @Omittable() @IsString() @MaxLength(500) reason?: string;
}
