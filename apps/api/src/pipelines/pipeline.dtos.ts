import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNumber,
  IsObject,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CreatableDto } from '../http/common.dtos';
import { Omittable } from '../http/field-rules';
import { RECORD_ID_PATTERN } from '../http/record-id';

const RECORD_ID_MESSAGE = { message: '$property must be 1-64 letters, digits, _ or -' };
const MAX_STAGES = 50;

export class PipelineStageDto {
  @Matches(RECORD_ID_PATTERN, RECORD_ID_MESSAGE) stageId!: string;
  @IsString() @Length(1, 100) name!: string;
  /** The chance (0 to 1) that a deal in this stage is won. */
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1) probability!: number;
}

export class DefinePipelineDto extends CreatableDto {
  @IsString() @Length(1, 200) name!: string;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_STAGES)
  @ValidateNested({ each: true })
  @Type(() => PipelineStageDto)
  stages!: PipelineStageDto[];
}

export class AddPipelineStageDto {
  @IsObject() @ValidateNested() @Type(() => PipelineStageDto) stage!: PipelineStageDto;
  /** 0-based index the stage takes; defaults to the end. */
  @Omittable() @IsInt() @Min(0) @Max(MAX_STAGES) position?: number;
}

export class RenamePipelineStageDto {
  @IsString() @Length(1, 100) name!: string;
}

export class SetPipelineStageProbabilityDto {
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1) probability!: number;
}

export class ReorderPipelineStagesDto {
  /** Every current stage id once, in the new order. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_STAGES)
  @Matches(RECORD_ID_PATTERN, {
    each: true,
    message: 'each stage id must be 1-64 letters, digits, _ or -',
  })
  stageIds!: string[];
}
