import { ReadModels, ReadScope, RecordViews, tasksForAssignee } from '@crm/queries';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ReadScopeFromRequest } from '../auth/read-scope.decorator';
import { TenancyFromRequest } from '../http/command-context.decorator';
import { ReadGate, TimeTravelOptionsDto } from '../http/read-options';
import { RecordIdPipe } from '../http/record-id';
import { QueryEndpoint } from './query-endpoint.decorator';
import { TasksQuery } from './tasks-query.dto';
import { ViewClock } from './view-clock';
import { recordOr404, Tenancy } from './view-results';

@ApiTags('tasks')
@Controller('tasks')
export class TaskViewsController {
  constructor(
    private readonly gate: ReadGate,
    private readonly readModels: ReadModels,
    private readonly records: RecordViews,
    private readonly clock: ViewClock,
  ) {}

  @Get()
  @QueryEndpoint("An assignee's open (or overdue) tasks, the earliest due first")
  async list(
    @Query() { assigneeId, status, limit, offset, ...options }: TasksQuery,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    await this.gate.ready(options);
    const request = { status, page: { limit, offset } };
    const readModels = this.readModels.within(scope);
    return tasksForAssignee(readModels, tenantId, assigneeId, request, this.clock.now());
  }

  @Get(':id')
  @QueryEndpoint('A task, now or as of a past moment', { notFound: 'TASK_NOT_FOUND' })
  async get(
    @Param('id', RecordIdPipe) id: string,
    @Query() options: TimeTravelOptionsDto,
    @TenancyFromRequest() { tenantId }: Tenancy,
    @ReadScopeFromRequest() scope: ReadScope,
  ) {
    await this.gate.ready(options);
    return recordOr404(this.records.within(scope), 'task', tenantId, id, options);
  }
}
