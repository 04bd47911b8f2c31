import { DeciderSpecification, SPEC_NOW } from '@crm/testing';
import { taskDecider } from './task.decider';
import { TaskEvent } from './task.events';

const taskId = 'task-1';
const scheduled: TaskEvent = {
  type: 'TaskScheduled',
  data: {
    taskId,
    title: 'Call back about renewal',
    dueAt: '2026-01-20T09:00:00.000Z',
    assigneeId: 'user-7',
    relatedTo: { kind: 'contact', id: 'contact-1' },
  },
};
const completed: TaskEvent = {
  type: 'TaskCompleted',
  data: { taskId, completedAt: SPEC_NOW.toISOString() },
};
const cancelled: TaskEvent = {
  type: 'TaskCancelled',
  data: { taskId, cancelledAt: SPEC_NOW.toISOString(), reason: 'customer churned' },
};
const spec = DeciderSpecification.for(taskDecider);

describe('Task decider', () => {
  describe('ScheduleTask', () => {
    it('schedules a new task', () =>
      spec
        .given([])
        .when({ type: 'ScheduleTask', data: { ...scheduled.data } })
        .then([scheduled]));

    it('refuses a task id that already exists', () =>
      spec
        .given([scheduled])
        .when({ type: 'ScheduleTask', data: { ...scheduled.data } })
        .thenThrows('TASK_ALREADY_EXISTS', 'already_exists'));
  });

  describe('RescheduleTask', () => {
    it('moves the due date and remembers the previous one', () =>
      spec
        .given([scheduled])
        .when({ type: 'RescheduleTask', data: { taskId, dueAt: '2026-01-22T09:00:00.000Z' } })
        .then([
          {
            type: 'TaskRescheduled',
            data: {
              taskId,
              previousDueAt: '2026-01-20T09:00:00.000Z',
              dueAt: '2026-01-22T09:00:00.000Z',
            },
          },
        ]));

    it('records nothing when the due date does not change', () =>
      spec
        .given([scheduled])
        .when({ type: 'RescheduleTask', data: { taskId, dueAt: scheduled.data.dueAt } })
        .thenNothingHappens());

    it('refuses an unknown task', () =>
      spec
        .given([])
        .when({ type: 'RescheduleTask', data: { taskId, dueAt: '2026-01-22T09:00:00.000Z' } })
        .thenThrows('TASK_NOT_FOUND', 'not_found'));

    it('refuses a completed task', () =>
      spec
        .given([scheduled, completed])
        .when({ type: 'RescheduleTask', data: { taskId, dueAt: '2026-01-22T09:00:00.000Z' } })
        .thenThrows('TASK_CLOSED'));
  });

  describe('CompleteTask', () => {
    it('completes an open task', () =>
      spec.given([scheduled]).when({ type: 'CompleteTask', data: { taskId } }).then([completed]));

    it('refuses an unknown task', () =>
      spec
        .given([])
        .when({ type: 'CompleteTask', data: { taskId } })
        .thenThrows('TASK_NOT_FOUND', 'not_found'));

    it('refuses a cancelled task', () =>
      spec
        .given([scheduled, cancelled])
        .when({ type: 'CompleteTask', data: { taskId } })
        .thenThrows('TASK_CLOSED'));
  });

  describe('CancelTask', () => {
    it('cancels an open task with a reason', () =>
      spec
        .given([scheduled])
        .when({ type: 'CancelTask', data: { taskId, reason: 'customer churned' } })
        .then([cancelled]));

    it('refuses a task already completed', () =>
      spec
        .given([scheduled, completed])
        .when({ type: 'CancelTask', data: { taskId } })
        .thenThrows('TASK_CLOSED'));
  });
});
