import { Type } from 'class-transformer';
import { IsISO8601, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { CreatableDto, RecordRefDto } from '../http/common.dtos';

export class ScheduleTaskDto extends CreatableDto {
  @IsString() @Length(1, 200) title!: string;
  @IsISO8601({ strict: true }) dueAt!: string;
  @IsString() @Length(1, 64) assigneeId!: string;
  @IsOptional() @ValidateNested() @Type(() => RecordRefDto) relatedTo?: RecordRefDto;
  @IsOptional() @IsString() @MaxLength(5000) notes?: string;
}

export class RescheduleTaskDto {
  @IsISO8601({ strict: true }) dueAt!: string;
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class CompleteTaskDto {
  @IsOptional() @IsString() @MaxLength(2000) outcome?: string;
}

export class CancelTaskDto {
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
}
