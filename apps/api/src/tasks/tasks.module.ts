import { Module } from '@nestjs/common';
import { commandController } from '../http/command-controller';
import { ApiCommonModule } from '../http/api-common.module';
import { CancelTaskDto, CompleteTaskDto, RescheduleTaskDto, ScheduleTaskDto } from './task.dtos';

/** The tasks: commands (derived from the catalogue) and their DTOs. */
@Module({
  imports: [ApiCommonModule],
  controllers: [
    commandController('task', {
      ScheduleTask: ScheduleTaskDto,
      RescheduleTask: RescheduleTaskDto,
      CompleteTask: CompleteTaskDto,
      CancelTask: CancelTaskDto,
    }),
  ],
})
export class TasksModule {}
