import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { IsSearchQuery, Omittable, SingleLine, IsTag } from '../http/field-rules';
import { RECORD_ID_PATTERN } from '../http/record-id';
import { PageQueryDto } from '../queries/page-query.dto';

const RECORD_ID_MESSAGE = { message: '$property must be 1-64 letters, digits, _ or -' };

export class ListContactsQuery extends PageQueryDto {
  @Omittable() @IsSearchQuery() q?: string;

  @ApiPropertyOptional({ description: 'case-insensitive, anywhere in the full name' })
  @Omittable()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ description: 'exact address, case-insensitive' })
  @Omittable()
  @IsString()
  @Length(1, 254)
  email?: string;

  @Omittable() @IsTag() tag?: string;
  @Omittable() @SingleLine() @IsString() @Length(1, 64) ownerId?: string;
  @Omittable() @Matches(RECORD_ID_PATTERN, RECORD_ID_MESSAGE) accountId?: string;

  @ApiPropertyOptional({ enum: ['active', 'merged'], default: 'active' })
  @Omittable()
  @IsIn(['active', 'merged'])
  status?: 'active' | 'merged';
}
