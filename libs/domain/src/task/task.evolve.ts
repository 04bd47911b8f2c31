import { TaskEvent } from './task.events';
import { TaskState } from './task.state';

export const evolveTask = (state: TaskState, event: TaskEvent): TaskState => {
  switch (event.type) {
    case 'TaskScheduled':
      return {
        exists: true,
        taskId: event.data.taskId,
        status: 'open',
        dueAt: event.data.dueAt,
        assigneeId: event.data.assigneeId,
      };
    case 'TaskRescheduled':
      return state.exists ? { ...state, dueAt: event.data.dueAt } : state;
    case 'TaskCompleted':
      return state.exists ? { ...state, status: 'completed' } : state;
    case 'TaskCancelled':
      return state.exists ? { ...state, status: 'cancelled' } : state;
  }
};
