import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Omittable } from '../http/field-rules';
import { ReadOptionsDto } from '../http/read-options';

export class PipelineBoardQuery extends ReadOptionsDto {
  @ApiPropertyOptional({ description: "only this owner's deals" })
  @Omittable()
  @IsString()
  @Length(1, 64)
  ownerId?: string;
}
