import { ROLE_NAMES } from '@crm/application';
import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';

export class CreateApiKeyDto {
  @ApiProperty({
    description: 'who the key acts as: a service account or a person',
    example: 'ci-bot',
  })
  @Matches(/^[\x21-\x7e]{1,200}$/, { message: 'subject must be 1-200 visible ASCII characters' })
  subject!: string;

  @ApiProperty({ enum: ROLE_NAMES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLE_NAMES.length)
  @IsIn(ROLE_NAMES, { each: true })
  roles!: string[];

  @ApiProperty({ required: false, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiProperty({
    required: false,
    description: 'ISO-8601 duration from now (P90D, PT12H) or date-time; never expires when absent',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  expires?: string;
}
