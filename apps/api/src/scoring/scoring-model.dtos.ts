import {
  ENGAGEMENT_KINDS,
  EngagementKind,
  FIT_ATTRIBUTES,
  FIT_OPERATORS,
  FitAttribute,
  FitOperator,
  NUMERIC_FIT_OPERATORS,
  operatorsOf,
} from '@crm/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  NotEquals,
  ValidateIf,
  ValidateNested,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  Validate,
} from 'class-validator';
import { fixedDurationMs } from '@crm/application';
import { Omittable, OptionalNestedObject, QueryInteger } from '../http/field-rules';

export const MAX_FIT_RULES = 200;
export const MAX_ENGAGEMENT_RULES = 50;
const RULE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

const isNumeric = (operator: unknown): boolean =>
  (NUMERIC_FIT_OPERATORS as readonly unknown[]).includes(operator);
const takesValue = (rule: Partial<FitRuleDto>): boolean =>
  rule.operator !== 'in' && !isNumeric(rule.operator);

/** `equals` and `contains` take `value`, `in` takes `values`, `atLeast` and `below` take `number`. */
@ValidatorConstraint({ name: 'operandOfOperator' })
class OperandOfOperator implements ValidatorConstraintInterface {
  validate(_operator: unknown, args: ValidationArguments): boolean {
    const rule = args.object as Partial<FitRuleDto>;
    const given = [rule.value, rule.values, rule.number].filter((operand) => operand !== undefined);
    return given.length <= 1;
  }
  defaultMessage(): string {
    return 'equals and contains take value, in takes values, atLeast and below take number (one of them)';
  }
}

/** Numeric operators compare companySize only, text operators the text attributes only. */
@ValidatorConstraint({ name: 'operatorOfAttribute' })
class OperatorOfAttribute implements ValidatorConstraintInterface {
  validate(operator: unknown, args: ValidationArguments): boolean {
    const { attribute } = args.object as Partial<FitRuleDto>;
    if (!(FIT_ATTRIBUTES as readonly unknown[]).includes(attribute)) return true;
    return (operatorsOf(attribute as FitAttribute) as readonly unknown[]).includes(operator);
  }
  defaultMessage(args: ValidationArguments): string {
    const { attribute } = args.object as Partial<FitRuleDto>;
    return `operator must be one of ${operatorsOf(attribute as FitAttribute).join(', ')} for ${String(attribute)}`;
  }
}

/** Whether a lead's email is at a free-mail provider is 'true' or 'false'. */
@ValidatorConstraint({ name: 'freeMailAnswer' })
class FreeMailAnswer implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const { attribute } = args.object as Partial<FitRuleDto>;
    return attribute !== 'freeMailDomain' || value === 'true' || value === 'false';
  }
  defaultMessage(): string {
    return "value must be 'true' or 'false' for freeMailDomain";
  }
}

/** Every rule id once, so each score change names one rule. */
@ValidatorConstraint({ name: 'uniqueRuleIds' })
class UniqueRuleIds implements ValidatorConstraintInterface {
  validate(rules: unknown): boolean {
    if (!Array.isArray(rules)) return true;
    const ids = rules.map((rule: { id?: unknown }) => rule?.id);
    return new Set(ids).size === ids.length;
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must not repeat a rule id`;
  }
}

/** An engagement rule's id names no fit rule: a score change names one rule. */
@ValidatorConstraint({ name: 'engagementIdsApart' })
class EngagementIdsApart implements ValidatorConstraintInterface {
  validate(rules: unknown, args: ValidationArguments): boolean {
    const { fitRules } = args.object as Partial<ScoringModelDto>;
    if (!Array.isArray(rules) || !Array.isArray(fitRules)) return true;
    const fitIds = new Set(fitRules.map((rule: { id?: unknown }) => rule?.id));
    return rules.every((rule: { id?: unknown }) => !fitIds.has(rule?.id));
  }
  defaultMessage(): string {
    return 'engagementRules must not repeat a rule id of fitRules';
  }
}

export class FitRuleDto {
  @ApiProperty({
    description: 'names the rule in every score change it causes',
    example: 'webinar-attendee',
  })
  @IsString()
  @Matches(RULE_ID, { message: 'id must be 1-64 lower-case letters, digits or dashes' })
  id!: string;

  @ApiProperty({
    enum: FIT_ATTRIBUTES,
    description:
      "what of the lead the rule reads (emailDomain: after the @; companySize: a number; freeMailDomain: 'true' or 'false')",
  })
  @IsIn(FIT_ATTRIBUTES, { message: `attribute must be one of ${FIT_ATTRIBUTES.join(', ')}` })
  attribute!: FitAttribute;

  @ApiProperty({
    enum: FIT_OPERATORS,
    description:
      'text compared ignoring case (equals, contains, in); companySize takes atLeast (>=) and below (<) only',
  })
  @IsIn(FIT_OPERATORS, { message: `operator must be one of ${FIT_OPERATORS.join(', ')}` })
  @Validate(OperandOfOperator)
  @Validate(OperatorOfAttribute)
  operator!: FitOperator;

  @ApiPropertyOptional({
    description: "with equals and contains; for freeMailDomain 'true' or 'false'",
    minLength: 1,
    maxLength: 200,
  })
  @ValidateIf((rule: FitRuleDto) => takesValue(rule))
  @IsString()
  @Length(1, 200)
  @Validate(FreeMailAnswer)
  value?: string;

  @ApiPropertyOptional({ description: 'with in', type: [String], minItems: 1, maxItems: 100 })
  @ValidateIf((rule: FitRuleDto) => rule.operator === 'in')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  values?: string[];

  @ApiPropertyOptional({ description: 'with atLeast and below', type: 'integer', minimum: 1 })
  @ValidateIf((rule: FitRuleDto) => isNumeric(rule.operator))
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  number?: number;

  @ApiProperty({ type: 'integer', minimum: -1000, maximum: 1000, description: 'not 0' })
  @IsInt()
  @Min(-1000)
  @Max(1000)
  @NotEquals(0)
  points!: number;
}

export class EngagementRuleDto {
  @ApiProperty({ description: 'names the rule in every score change it causes', example: 'opened' })
  @IsString()
  @Matches(RULE_ID, { message: 'id must be 1-64 lower-case letters, digits or dashes' })
  id!: string;

  @ApiProperty({
    enum: ENGAGEMENT_KINDS,
    description:
      "what the lead's contact (a contact with the lead's email) did; email-replied is an inbound email",
  })
  @IsIn(ENGAGEMENT_KINDS, { message: `kind must be one of ${ENGAGEMENT_KINDS.join(', ')}` })
  kind!: EngagementKind;

  @ApiProperty({
    type: 'integer',
    minimum: -1000,
    maximum: 1000,
    description: 'per engagement of the kind; not 0',
  })
  @IsInt()
  @Min(-1000)
  @Max(1000)
  @NotEquals(0)
  points!: number;
}

/** A duration of fixed length (weeks, days, hours, minutes, seconds), more than zero. */
@ValidatorConstraint({ name: 'fixedDuration' })
class FixedDuration implements ValidatorConstraintInterface {
  validate(every: unknown): boolean {
    return typeof every === 'string' && (fixedDurationMs(every) ?? 0) > 0;
  }
  defaultMessage(): string {
    return 'every must be an ISO 8601 duration of weeks, days, hours, minutes or seconds (P30D, PT12H), not 0';
  }
}

export class DecayRuleDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 1000,
    description: 'what a lead loses per period without engagement',
  })
  @IsInt()
  @Min(1)
  @Max(1000)
  points!: number;

  @ApiProperty({ description: 'the period, an ISO 8601 duration of fixed length', example: 'P30D' })
  @Validate(FixedDuration)
  every!: string;
}

/** A whole scoring model: publishing it makes it the tenant's next version. */
export class ScoringModelDto {
  @ApiProperty({ type: [FitRuleDto], maxItems: MAX_FIT_RULES })
  @IsArray()
  @ArrayMaxSize(MAX_FIT_RULES)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => FitRuleDto)
  @Validate(UniqueRuleIds)
  fitRules!: FitRuleDto[];

  @ApiPropertyOptional({
    type: [EngagementRuleDto],
    maxItems: MAX_ENGAGEMENT_RULES,
    description: 'none when left out',
  })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(MAX_ENGAGEMENT_RULES)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => EngagementRuleDto)
  @Validate(UniqueRuleIds)
  @Validate(EngagementIdsApart)
  engagementRules?: EngagementRuleDto[];

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: 1_000_000,
    description: 'a lead whose score reaches it becomes marketing-qualified',
  })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  threshold!: number;

  @ApiPropertyOptional({
    type: DecayRuleDto,
    description: 'points lost per period without engagement; no decay when left out',
  })
  @OptionalNestedObject(DecayRuleDto)
  decay?: DecayRuleDto;
}

export class ScoringModelVersionQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: 'a published version; the current one when left out',
  })
  @Omittable()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version?: number;
}
