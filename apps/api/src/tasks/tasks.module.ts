import { Module } from '@nestjs/common';
import { commandController } from '../http/command-controller';
import { ApiCommonModule } from '../http/api-common.module';
import { CancelTaskDto, CompleteTaskDto, RescheduleTaskDto, ScheduleTaskDto } from './task.dtos';
import { TaskViewsController } from './task-views.controller';

/** The tasks: commands (derived from the catalogue), their DTOs and the tasks queries. */
@Module({
  imports: [ApiCommonModule],
  controllers: [
    commandController('task', {
      ScheduleTask: ScheduleTaskDto,
      RescheduleTask: RescheduleTaskDto,
      CompleteTask: CompleteTaskDto,
      CancelTask: CancelTaskDto,
    }),
    TaskViewsController,
  ],
})
export class TasksModule {}
