import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Omittable, QueryInteger } from '../http/field-rules';

export class RuleTriggerDto {
  @ApiProperty({ description: 'event type without version', example: 'DealWon' })
  @IsString()
  @MaxLength(100)
  eventType!: string;

  @ApiPropertyOptional({
    description: "condition on the event's data, in MongoDB query syntax",
    type: 'object',
    additionalProperties: true,
    example: { toStageId: 'negotiation' },
  })
  @IsOptional()
  @IsObject()
  where?: Record<string, unknown>;

  @ApiPropertyOptional({
    description:
      "condition on the record's read model in MongoDB query syntax, evaluated when the action runs",
    type: 'object',
    additionalProperties: true,
    example: { status: 'open' },
  })
  @IsOptional()
  @IsObject()
  recordWhere?: Record<string, unknown>;
}

export class RuleDelayDto {
  @ApiProperty({ description: 'ISO 8601 duration; -P1D is a day before', example: 'P3D' })
  @IsString()
  @MaxLength(50)
  after!: string;

  @ApiPropertyOptional({
    description: 'count from this date of the event or record instead of the event time',
    example: 'event.data.dueAt',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  from?: string;
}

export class RoundRobinDto {
  @ApiProperty({ type: [String], description: 'owners (or agents) to assign in turn' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  over!: string[];
}

/** Either a catalogue command with templated data, or a round-robin assignment. */
export class RuleActionDto {
  @ApiPropertyOptional({ description: 'a catalogue command type', example: 'ScheduleTask' })
  @ValidateIf((action: RuleActionDto) => action.assignRoundRobin === undefined)
  @IsString()
  @MaxLength(100)
  command?: string;

  @ApiPropertyOptional({
    description: 'the command data; string values may hold templates such as {{event.data.dealId}}',
    type: 'object',
    additionalProperties: true,
  })
  @ValidateIf((action: RuleActionDto) => action.command !== undefined)
  @IsDefined()
  @IsObject()
  data?: Record<string, unknown>;

  @ApiPropertyOptional({ type: RoundRobinDto, description: 'instead of a command, never with one' })
  @ValidateIf(
    (action: RuleActionDto) =>
      action.command === undefined || action.assignRoundRobin !== undefined,
  )
  @ValidateBy({
    name: 'withoutCommand',
    validator: {
      validate: (_value, args) => (args?.object as RuleActionDto).command === undefined,
      defaultMessage: () => 'an action is either a command or assignRoundRobin, not both',
    },
  })
  @IsDefined()
  @ValidateNested()
  @Type(() => RoundRobinDto)
  assignRoundRobin?: RoundRobinDto;
}

export class CreateRuleDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ type: RuleTriggerDto })
  @ValidateNested()
  @Type(() => RuleTriggerDto)
  trigger!: RuleTriggerDto;

  @ApiPropertyOptional({ type: RuleDelayDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RuleDelayDto)
  delay?: RuleDelayDto;

  @ApiProperty({ type: [RuleActionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RuleActionDto)
  actions!: RuleActionDto[];
}

/** A new version: the fields given replace the current version's. */
export class ReviseRuleDto extends PartialType(CreateRuleDto) {}

/** A page of a rule's runs: oldest first, after a log position. */
export class RuleRunsQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100 })
  @Omittable()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({
    description: "only runs recorded after this position (the last page's `next`)",
    pattern: '^\\d{1,19}$',
  })
  @Omittable()
  @Matches(/^\d{1,19}$/, { message: 'after must be a log position' })
  after?: string;
}
