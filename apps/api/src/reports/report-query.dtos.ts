import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsTimestamp, Omittable } from '../http/field-rules';
import { TimeTravelOptionsDto } from '../http/read-options';
import { IsRecordId } from '../http/record-id';

export class LeadFunnelQuery extends TimeTravelOptionsDto {
  @ApiPropertyOptional({ enum: ['source', 'campaign'], default: 'source' })
  @Omittable()
  @IsIn(['source', 'campaign'])
  groupBy: 'source' | 'campaign' = 'source';
}

/** A period: `from` included, `to` excluded. */
export class PeriodQuery extends TimeTravelOptionsDto {
  @Omittable() @IsTimestamp() from?: string;
  @Omittable() @IsTimestamp() to?: string;
}

export class StageConversionQuery extends TimeTravelOptionsDto {
  @IsRecordId() pipelineId!: string;
}

export const periodOf = (query: PeriodQuery) => ({
  from: query.from === undefined ? undefined : new Date(query.from),
  to: query.to === undefined ? undefined : new Date(query.to),
});
