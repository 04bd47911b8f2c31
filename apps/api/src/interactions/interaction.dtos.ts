import {
  CALL_OUTCOMES,
  CallOutcome,
  INTERACTION_DIRECTIONS,
  InteractionDirection,
  RECORD_LIMITS,
} from '@crm/domain';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CreatableDto } from '../http/common.dtos';
import { IsTimestamp, Omittable, SingleLine } from '../http/field-rules';
import { IsRecordId } from '../http/record-id';

/** May be left out, or `null` to unlink; otherwise it must be a record id. */
const NullableRecordId = () =>
  applyDecorators(
    ApiProperty({ type: String, nullable: true, required: false, description: 'null unlinks' }),
    IsOptional(), // skips validation for undefined and null alike
    IsRecordId(),
  );

/** The records every logged interaction is filed under. */
class InteractionLinksDto extends CreatableDto {
  @IsRecordId() contactId!: string;
  @Omittable() @IsRecordId() accountId?: string;
  @Omittable() @IsRecordId() dealId?: string;
  @Omittable() @IsRecordId() ticketId?: string;
}

export class LogCallDto extends InteractionLinksDto {
  @IsTimestamp() occurredAt!: string;
  @ApiProperty({ enum: INTERACTION_DIRECTIONS })
  @IsIn(INTERACTION_DIRECTIONS)
  direction!: InteractionDirection;
  @IsInt() @Min(0) @Max(86_400) durationSeconds!: number;
  @ApiProperty({ enum: CALL_OUTCOMES }) @IsIn(CALL_OUTCOMES) outcome!: CallOutcome;
  @Omittable() @IsString() @MaxLength(2000) summary?: string;
}

export class LogEmailDto extends InteractionLinksDto {
  @IsTimestamp() occurredAt!: string;
  @ApiProperty({ enum: INTERACTION_DIRECTIONS })
  @IsIn(INTERACTION_DIRECTIONS)
  direction!: InteractionDirection;
  @SingleLine() @IsString() @Length(1, 500) subject!: string;
  @Omittable() @IsString() @MaxLength(2000) bodyPreview?: string;
}

export class LogMeetingDto extends InteractionLinksDto {
  @SingleLine() @IsString() @Length(1, 500) subject!: string;
  @IsArray()
  @ArrayMaxSize(RECORD_LIMITS.meetingParticipants)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  participants!: string[];
  @IsTimestamp() startAt!: string;
  @IsTimestamp() endAt!: string;
  @Omittable() @IsString() @MaxLength(500) location?: string;
}

export class LogNoteDto extends InteractionLinksDto {
  @IsTimestamp() occurredAt!: string;
  @IsString() @Length(1, 10_000) body!: string;
}

/** Links left out stay as they are; `null` unlinks; an id (re)links. The contact cannot change. */
export class CorrectInteractionLinksDto {
  @NullableRecordId() accountId?: string | null;
  @NullableRecordId() dealId?: string | null;
  @NullableRecordId() ticketId?: string | null;
}
