import { DEFAULT_DEALS_PER_STAGE, MAX_DEALS_PER_STAGE } from '@crm/queries';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { Omittable, QueryInteger } from '../http/field-rules';
import { ReadOptionsDto } from '../http/read-options';

export class PipelineBoardQuery extends ReadOptionsDto {
  @ApiPropertyOptional({ description: "only this owner's deals" })
  @Omittable()
  @IsString()
  @Length(1, 64)
  ownerId?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_DEALS_PER_STAGE,
    default: DEFAULT_DEALS_PER_STAGE,
    description:
      "how many deals each column lists, the soonest expected close first; a column's nextCursor continues it as the cursor of GET /deals?pipelineId=&stageId=&status=open&sort=expectedCloseDate (with the same ownerId)",
  })
  @Omittable()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_DEALS_PER_STAGE)
  perStage?: number;
}
