import { IsString, Length, MaxLength } from 'class-validator';
import { IsTimestamp, Omittable, OptionalNestedObject, SingleLine } from '../http/field-rules';
import { CreatableDto, RecordRefDto } from '../http/common.dtos';

export class ScheduleTaskDto extends CreatableDto {
  @SingleLine() @IsString() @Length(1, 200) title!: string;
  @IsTimestamp() dueAt!: string;
  @SingleLine() @IsString() @Length(1, 64) assigneeId!: string;
  @OptionalNestedObject(RecordRefDto) relatedTo?: RecordRefDto;
  @Omittable() @IsString() @MaxLength(5000) notes?: string;
}

export class RescheduleTaskDto {
  @IsTimestamp() dueAt!: string;
  @Omittable() @IsString() @MaxLength(500) reason?: string;
}

export class CompleteTaskDto {
  @Omittable() @IsString() @MaxLength(2000) outcome?: string;
}

export class CancelTaskDto {
  @Omittable() @IsString() @MaxLength(500) reason?: string;
}
