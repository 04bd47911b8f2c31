import { CommandContext } from '@crm/application';
import { CancelTask, CompleteTask, RescheduleTask, ScheduleTask } from '@crm/domain';
import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandContextFromRequest } from '../http/command-context.decorator';
import { CommandEndpoint } from '../http/command-endpoint.decorator';
import { CommandSender } from '../http/command-sender';
import { newRecordId, RecordIdPipe } from '../http/record-id';
import { CancelTaskDto, CompleteTaskDto, RescheduleTaskDto, ScheduleTaskDto } from './task.dtos';

@ApiTags('tasks')
@Controller('tasks')
export class TasksController {
  constructor(private readonly commands: CommandSender) {}

  @Post()
  @CommandEndpoint('Schedule a task', { creates: true })
  schedule(
    @Body() { id, ...body }: ScheduleTaskDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    const taskId = newRecordId(context, id);
    return this.commands.send<ScheduleTask>(
      'task',
      taskId,
      { type: 'ScheduleTask', data: { taskId, ...body } },
      context,
    );
  }

  @Post(':id/reschedule')
  @CommandEndpoint('Move a task to a new due time')
  reschedule(
    @Param('id', RecordIdPipe) taskId: string,
    @Body() body: RescheduleTaskDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<RescheduleTask>(
      'task',
      taskId,
      { type: 'RescheduleTask', data: { taskId, ...body } },
      context,
    );
  }

  @Post(':id/complete')
  @CommandEndpoint('Complete a task')
  complete(
    @Param('id', RecordIdPipe) taskId: string,
    @Body() body: CompleteTaskDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<CompleteTask>(
      'task',
      taskId,
      { type: 'CompleteTask', data: { taskId, ...body } },
      context,
    );
  }

  @Post(':id/cancel')
  @CommandEndpoint('Cancel a task')
  cancel(
    @Param('id', RecordIdPipe) taskId: string,
    @Body() body: CancelTaskDto,
    @CommandContextFromRequest() context: CommandContext,
  ) {
    return this.commands.send<CancelTask>(
      'task',
      taskId,
      { type: 'CancelTask', data: { taskId, ...body } },
      context,
    );
  }
}
