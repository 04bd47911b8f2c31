import { DomainEvent, IsoDateTime, RecordRef } from '../shared';

export type TaskScheduled = DomainEvent<
  'TaskScheduled',
  {
    taskId: string;
    title: string;
    dueAt: IsoDateTime;
    assigneeId: string;
    relatedTo?: RecordRef;
    notes?: string;
  }
>;
export type TaskRescheduled = DomainEvent<
  'TaskRescheduled',
  { taskId: string; previousDueAt: IsoDateTime; dueAt: IsoDateTime; reason?: string }
>;
export type TaskCompleted = DomainEvent<
  'TaskCompleted',
  { taskId: string; completedAt: IsoDateTime; outcome?: string }
>;
export type TaskCancelled = DomainEvent<
  'TaskCancelled',
  { taskId: string; cancelledAt: IsoDateTime; reason?: string }
>;

export type TaskEvent = TaskScheduled | TaskRescheduled | TaskCompleted | TaskCancelled;
