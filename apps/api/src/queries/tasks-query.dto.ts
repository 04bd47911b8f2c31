import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { Omittable } from '../http/field-rules';
import { PageQueryDto } from './page-query.dto';

export class TasksQuery extends PageQueryDto {
  @ApiProperty() @IsString() @Length(1, 64) assigneeId!: string;

  @ApiPropertyOptional({
    enum: ['open', 'overdue'],
    default: 'open',
    description: 'overdue: open and due before now',
  })
  @Omittable()
  @IsIn(['open', 'overdue'])
  status?: 'open' | 'overdue';
}
