import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { IsSearchQuery, Omittable, SingleLine, IsTag } from '../http/field-rules';
import { PageQueryDto } from '../queries/page-query.dto';

export class ListAccountsQuery extends PageQueryDto {
  @Omittable() @IsSearchQuery() q?: string;

  @ApiPropertyOptional({ description: 'case-insensitive, anywhere in the name' })
  @Omittable()
  @IsString()
  @Length(1, 200)
  name?: string;

  @Omittable() @IsTag() tag?: string;
  @Omittable() @SingleLine() @IsString() @Length(1, 64) ownerId?: string;

  @ApiPropertyOptional({ enum: ['active', 'archived'], description: 'both when absent' })
  @Omittable()
  @IsIn(['active', 'archived'])
  status?: 'active' | 'archived';
}
