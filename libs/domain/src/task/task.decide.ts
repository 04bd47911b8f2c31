import { taskErrors } from './task.errors';
import { TaskCommand } from './task.commands';
import { TaskEvent } from './task.events';
import { TaskState } from './task.state';

type ExistingTask = Extract<TaskState, { exists: true }>;

const assertOpen = (state: TaskState, taskId: string): ExistingTask => {
  if (!state.exists) throw taskErrors.notFound(taskId);
  if (state.status !== 'open') {
    throw taskErrors.rule('TASK_CLOSED', `task ${taskId} is ${state.status}`, {
      status: state.status,
    });
  }
  return state;
};

export const decideTask = (command: TaskCommand, state: TaskState): TaskEvent[] => {
  const now = command.metadata.now.toISOString();
  switch (command.type) {
    case 'ScheduleTask':
      if (state.exists) throw taskErrors.alreadyExists(command.data.taskId);
      return [{ type: 'TaskScheduled', data: { ...command.data } }];
    case 'RescheduleTask': {
      const task = assertOpen(state, command.data.taskId);
      if (task.dueAt === command.data.dueAt) return [];
      return [{ type: 'TaskRescheduled', data: { ...command.data, previousDueAt: task.dueAt } }];
    }
    case 'CompleteTask':
      assertOpen(state, command.data.taskId);
      return [{ type: 'TaskCompleted', data: { ...command.data, completedAt: now } }];
    case 'CancelTask':
      assertOpen(state, command.data.taskId);
      return [{ type: 'TaskCancelled', data: { ...command.data, cancelledAt: now } }];
  }
};
