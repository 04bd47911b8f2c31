import { listTasks, ReadModels, ReadScope, RecordViews } from '@crm/queries';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReadScopeFromRequest } from '../auth/read-scope.decorator';
import { TenancyFromRequest } from '../http/command-context.decorator';
import { TimeTravelOptionsDto } from '../http/read-options';
import { RecordIdPipe } from '../http/record-id';
import { QueryEndpoint } from '../queries/query-endpoint.decorator';
import { TasksQuery } from './tasks-query.dto';
import { ViewClock } from '../queries/view-clock';
import { recordOr404, Tenancy } from '../queries/view-results';

@ApiTags('tasks')
@Controller('tasks')
export class TaskViewsController {
  constructor(
    private readonly readModels: ReadModels,
    private readonly records: RecordViews,
    private readonly clock: ViewClock,
  ) {}

  @Get()
  @QueryEndpoint(
    'List tasks, the earliest due first, filtered by assignee, status (or overdue), due time and related record',
  )
  async list(
    @Query() { relatedKind, relatedId, ...query }: TasksQuery,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    const relatedTo =
      relatedKind !== undefined && relatedId !== undefined
        ? { kind: relatedKind, id: relatedId }
        : undefined;
    const readModels = this.readModels.within(scope);
    return listTasks(readModels, tenantId, { ...query, relatedTo }, this.clock.now());
  }

  @Get(':id')
  @QueryEndpoint('A task, now or as of a past moment', { notFound: 'TASK_NOT_FOUND' })
  async get(
    @Param('id', RecordIdPipe) id: string,
    @Query() options: TimeTravelOptionsDto,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    return recordOr404(this.records.within(scope), 'task', tenantId, id, options);
  }
}
