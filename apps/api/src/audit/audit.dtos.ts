import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class AuditPageQuery {
  /** First revision to return (inclusive). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) fromRevision?: number;

  /** Events per page. */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit: number = 100;
}
