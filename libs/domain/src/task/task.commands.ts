import { Command, IsoDateTime, RecordRef } from '../shared';

export type ScheduleTask = Command<
  'ScheduleTask',
  {
    taskId: string;
    title: string;
    dueAt: IsoDateTime;
    assigneeId: string;
    relatedTo?: RecordRef;
    notes?: string;
  }
>;
export type RescheduleTask = Command<
  'RescheduleTask',
  { taskId: string; dueAt: IsoDateTime; reason?: string }
>;
export type CompleteTask = Command<'CompleteTask', { taskId: string; outcome?: string }>;
export type CancelTask = Command<'CancelTask', { taskId: string; reason?: string }>;

export type TaskCommand = ScheduleTask | RescheduleTask | CompleteTask | CancelTask;
