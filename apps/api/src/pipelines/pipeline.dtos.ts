import { RECORD_LIMITS } from '@crm/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNumber,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
  IsObject,
} from 'class-validator';
import { CreatableDto } from '../http/common.dtos';
import { NestedObject, Omittable, SingleLine } from '../http/field-rules';
import { IsRecordId } from '../http/record-id';

const MAX_STAGES = RECORD_LIMITS.pipelineStages;

export class PipelineStageDto {
  @IsRecordId() stageId!: string;
  @SingleLine() @IsString() @Length(1, 100) name!: string;
  /** The chance (0 to 1) that a deal in this stage is won. */
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1) probability!: number;
}

export class DefinePipelineDto extends CreatableDto {
  @SingleLine() @IsString() @Length(1, 200) name!: string;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_STAGES)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PipelineStageDto)
  stages!: PipelineStageDto[];
}

export class AddPipelineStageDto {
  @NestedObject(PipelineStageDto) stage!: PipelineStageDto;
  /** 0-based index the stage takes; defaults to the end. */
  @Omittable() @IsInt() @Min(0) @Max(MAX_STAGES) position?: number;
}

export class RenamePipelineStageDto {
  @SingleLine() @IsString() @Length(1, 100) name!: string;
}

export class SetPipelineStageProbabilityDto {
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1) probability!: number;
}

export class ReorderPipelineStagesDto {
  /** Every current stage id once, in the new order. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_STAGES)
  @IsRecordId({ each: true })
  stageIds!: string[];
}
