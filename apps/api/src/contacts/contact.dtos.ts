import {
  CONSENT_CHANNELS,
  CONSENT_STATUSES,
  ConsentChannel,
  ConsentStatus,
  CustomFieldValue,
  RECORD_LIMITS,
} from '@crm/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
  IsObject,
} from 'class-validator';
import { AddressDto, CreatableDto } from '../http/common.dtos';
import {
  IsCustomFieldValue,
  Omittable,
  OptionalNestedObject,
  SingleLine,
  IsTag,
  Clearable,
  ClearableNestedObject,
  ClearedByNull,
} from '../http/field-rules';
import { IsRecordId } from '../http/record-id';

export class ContactEmailDto {
  @IsEmail() @MaxLength(254) address!: string;
  @Omittable() @IsString() @Length(1, 50) label?: string;
  @Omittable() @IsBoolean() primary?: boolean;
}

export class ContactPhoneDto {
  @IsString() @Length(1, 40) number!: string;
  @Omittable() @IsString() @Length(1, 50) label?: string;
}

export class SocialProfileDto {
  @IsString() @Length(1, 50) network!: string;
  @IsString() @Length(1, 200) handle!: string;
}

/** Fields left out are not touched; a list given replaces the whole list. */
export class UpdateContactDto {
  @Omittable() @SingleLine() @IsString() @Length(1, 100) firstName?: string;
  @Omittable() @SingleLine() @IsString() @Length(1, 100) lastName?: string;

  @Omittable()
  @IsArray()
  @ArrayMaxSize(RECORD_LIMITS.contactEmails)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ContactEmailDto)
  emails?: ContactEmailDto[];

  @Omittable()
  @IsArray()
  @ArrayMaxSize(RECORD_LIMITS.contactPhones)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ContactPhoneDto)
  phones?: ContactPhoneDto[];

  @Clearable() @SingleLine() @IsString() @MaxLength(200) title?: string | null;

  @Omittable()
  @IsArray()
  @ArrayMaxSize(RECORD_LIMITS.contactSocialProfiles)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SocialProfileDto)
  socialProfiles?: SocialProfileDto[];

  @ClearableNestedObject(AddressDto) address?: AddressDto | null;
}

export class CreateContactDto extends CreatableDto {
  @SingleLine() @IsString() @Length(1, 100) firstName!: string;
  @SingleLine() @IsString() @Length(1, 100) lastName!: string;

  @ApiProperty({ type: [ContactEmailDto], required: false, default: [] })
  @IsArray()
  @ArrayMaxSize(RECORD_LIMITS.contactEmails)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ContactEmailDto)
  emails: ContactEmailDto[] = [];

  @ApiProperty({ type: [ContactPhoneDto], required: false, default: [] })
  @IsArray()
  @ArrayMaxSize(RECORD_LIMITS.contactPhones)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ContactPhoneDto)
  phones: ContactPhoneDto[] = [];

  @Omittable() @SingleLine() @IsString() @MaxLength(200) title?: string;

  @Omittable()
  @IsArray()
  @ArrayMaxSize(RECORD_LIMITS.contactSocialProfiles)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SocialProfileDto)
  socialProfiles?: SocialProfileDto[];

  @OptionalNestedObject(AddressDto) address?: AddressDto;
  @Omittable() @SingleLine() @IsString() @Length(1, 64) ownerId?: string;
  @Omittable() @IsRecordId() accountId?: string;
}

export class LinkContactToAccountDto {
  @IsRecordId() accountId!: string;
}

export class AssignContactOwnerDto {
  @ClearedByNull('the new owner; null clears the owner')
  @SingleLine()
  @IsString()
  @Length(1, 64)
  ownerId!: string | null;
}

export class TagContactDto {
  @IsTag() tag!: string;
}

export class SetContactCustomFieldDto {
  @ApiProperty({
    oneOf: [{ type: 'string', maxLength: 2000 }, { type: 'number' }, { type: 'boolean' }],
    nullable: true,
  })
  @IsCustomFieldValue()
  value!: CustomFieldValue;
}

export class RecordContactConsentDto {
  @IsIn(CONSENT_CHANNELS) channel!: ConsentChannel;
  @IsIn(CONSENT_STATUSES) status!: ConsentStatus;
  @IsString() @Length(1, 200) source!: string;
}

/** The contact in the path is the duplicate; it disappears into the survivor. */
export class MergeContactDto {
  @IsRecordId() survivorId!: string;
}
