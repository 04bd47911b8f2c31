import { TASK_ORDERS, TaskListStatus } from '@crm/queries';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { Omittable, SingleLine } from '../http/field-rules';
import { RECORD_ID_PATTERN } from '../http/record-id';
import { Bound, ListQueryDto, SortOf } from '../queries/record-list-query.dtos';

const STATUSES: TaskListStatus[] = ['open', 'overdue', 'completed', 'cancelled'];
const RELATED_KINDS = ['account', 'contact', 'lead', 'deal', 'ticket', 'campaign'] as const;

export class TasksQuery extends ListQueryDto {
  @ApiPropertyOptional({ description: 'one assignee; every assignee when absent' })
  @Omittable()
  @SingleLine()
  @IsString()
  @Length(1, 64)
  assigneeId?: string;

  @ApiPropertyOptional({
    enum: STATUSES,
    description: 'overdue: open and due before now; every status when absent',
  })
  @Omittable()
  @IsIn(STATUSES)
  status?: TaskListStatus;

  @Bound('due at or after this moment') dueFrom?: string;
  @Bound('due at or before this moment') dueTo?: string;

  @ApiPropertyOptional({
    enum: RELATED_KINDS,
    description: 'with relatedId: tasks about that record',
  })
  @ValidateIf(
    (query: TasksQuery) => query.relatedKind !== undefined || query.relatedId !== undefined,
  )
  @IsIn([...RELATED_KINDS], {
    message: 'relatedKind must be given with relatedId, one of $constraint1',
  })
  relatedKind?: (typeof RELATED_KINDS)[number];

  @ApiPropertyOptional({ description: 'with relatedKind' })
  @ValidateIf(
    (query: TasksQuery) => query.relatedKind !== undefined || query.relatedId !== undefined,
  )
  @Matches(RECORD_ID_PATTERN, {
    message: 'relatedId must be given with relatedKind, 1-64 letters, digits, _ or -',
  })
  relatedId?: string;

  @SortOf(TASK_ORDERS, 'dueAt')
  sort?: keyof typeof TASK_ORDERS;
}
