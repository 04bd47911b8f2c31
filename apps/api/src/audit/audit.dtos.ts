import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { Omittable, QueryInteger } from '../http/field-rules';

export class AuditPageQuery {
  @ApiPropertyOptional({
    type: 'integer',
    description: 'first revision to return (inclusive)',
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
  })
  @Omittable()
  @QueryInteger()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  fromRevision?: number;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'events per page',
    minimum: 1,
    maximum: 1000,
    default: 100,
  })
  @Omittable()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 100;
}
