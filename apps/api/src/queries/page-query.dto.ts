import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { Omittable, QueryInteger } from '../http/field-rules';
import { ReadOptionsDto } from '../http/read-options';

/** `limit` (1-200, default 50) and `offset` (0 or more) of a list. */
export class PageQueryDto extends ReadOptionsDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @Omittable()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 })
  @Omittable()
  @QueryInteger()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;
}
