import { CallOutcome, InteractionDirection } from '@crm/domain';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { CreatableDto } from '../http/common.dtos';
import { RECORD_ID_PATTERN } from '../http/record-id';

const DIRECTIONS = Object.keys({ inbound: 0, outbound: 0 } satisfies Record<
  InteractionDirection,
  0
>);
const CALL_OUTCOMES = Object.keys({
  connected: 0,
  no_answer: 0,
  voicemail: 0,
  busy: 0,
  wrong_number: 0,
} satisfies Record<CallOutcome, 0>);

const RecordId = (field: string) =>
  Matches(RECORD_ID_PATTERN, { message: `${field} must be 1-64 letters, digits, _ or -` });

/** May be left out; when present (even `null`) it must be a record id. */
const OptionalRecordId = (field: string) =>
  applyDecorators(
    ValidateIf((_dto: object, value: unknown) => value !== undefined),
    RecordId(field),
  );

/** May be left out, or `null` to unlink; otherwise it must be a record id. */
const NullableRecordId = (field: string) =>
  applyDecorators(
    ApiProperty({ type: String, nullable: true, required: false, description: 'null unlinks' }),
    IsOptional(), // skips validation for undefined and null alike
    RecordId(field),
  );

/** May be left out, but is never `null`. */
const Optional = () => ValidateIf((_dto: object, value: unknown) => value !== undefined);

/** The records every logged interaction is filed under. */
class InteractionLinksDto extends CreatableDto {
  @RecordId('contactId') contactId!: string;
  @OptionalRecordId('accountId') accountId?: string;
  @OptionalRecordId('dealId') dealId?: string;
  @OptionalRecordId('ticketId') ticketId?: string;
}

export class LogCallDto extends InteractionLinksDto {
  @IsISO8601({ strict: true }) occurredAt!: string;
  @ApiProperty({ enum: DIRECTIONS }) @IsIn(DIRECTIONS) direction!: InteractionDirection;
  @IsInt() @Min(0) @Max(86_400) durationSeconds!: number;
  @ApiProperty({ enum: CALL_OUTCOMES }) @IsIn(CALL_OUTCOMES) outcome!: CallOutcome;
  @Optional() @IsString() @MaxLength(2000) summary?: string;
}

export class LogEmailDto extends InteractionLinksDto {
  @IsISO8601({ strict: true }) occurredAt!: string;
  @ApiProperty({ enum: DIRECTIONS }) @IsIn(DIRECTIONS) direction!: InteractionDirection;
  @IsString() @Length(1, 500) subject!: string;
  @Optional() @IsString() @MaxLength(2000) bodyPreview?: string;
}

export class LogMeetingDto extends InteractionLinksDto {
  @IsString() @Length(1, 500) subject!: string;
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  participants!: string[];
  @IsISO8601({ strict: true }) startAt!: string;
  @IsISO8601({ strict: true }) endAt!: string;
  @Optional() @IsString() @MaxLength(500) location?: string;
}

export class LogNoteDto extends InteractionLinksDto {
  @IsISO8601({ strict: true }) occurredAt!: string;
  @IsString() @Length(1, 10_000) body!: string;
}

/** Links left out stay as they are; `null` unlinks; an id (re)links. The contact cannot change. */
export class CorrectInteractionLinksDto {
  @NullableRecordId('accountId') accountId?: string | null;
  @NullableRecordId('dealId') dealId?: string | null;
  @NullableRecordId('ticketId') ticketId?: string | null;
}
