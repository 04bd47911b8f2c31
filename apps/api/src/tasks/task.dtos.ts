import { Type } from 'class-transformer';
import { IsISO8601, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { Omittable } from '../http/field-rules';
import { CreatableDto, RecordRefDto } from '../http/common.dtos';

export class ScheduleTaskDto extends CreatableDto {
  @IsString() @Length(1, 200) title!: string;
  @IsISO8601({ strict: true }) dueAt!: string;
  @IsString() @Length(1, 64) assigneeId!: string;
  @Omittable() @ValidateNested() @Type(() => RecordRefDto) relatedTo?: RecordRefDto;
  @Omittable() @IsString() @MaxLength(5000) notes?: string;
}

export class RescheduleTaskDto {
  @IsISO8601({ strict: true }) dueAt!: string;
  @Omittable() @IsString() @MaxLength(500) reason?: string;
}

export class CompleteTaskDto {
  @Omittable() @IsString() @MaxLength(2000) outcome?: string;
}

export class CancelTaskDto {
  @Omittable() @IsString() @MaxLength(500) reason?: string;
}
