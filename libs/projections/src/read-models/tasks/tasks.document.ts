import { IsoDateTime, RecordRef, TaskStatus } from '@crm/domain';

/** One task, for "my tasks" lists and the tasks shown on a record. */
export type TaskDocument = {
  _id: string;
  tenantId: string;
  taskId: string;
  title: string;
  /** Overdue is a query-time fact: compare `dueAt` with the clock for open tasks. */
  dueAt: IsoDateTime;
  /**
   * `dueAt` in UTC, so that lists order and range over instants in the store: `dueAt` keeps the
   * offset it was given. A store field (`_`), never in an answer.
   */
  _dueOrder: IsoDateTime;
  assigneeId: string;
  relatedTo?: RecordRef;
  notes?: string;
  status: TaskStatus;
  /** When the task was scheduled (the event carries no time: when it was recorded). */
  scheduledAt: IsoDateTime;
  completedAt?: IsoDateTime;
  cancelledAt?: IsoDateTime;
  rescheduleCount: number;
};
