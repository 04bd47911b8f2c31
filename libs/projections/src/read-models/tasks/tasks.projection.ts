import { TaskEvent } from '@crm/domain';
import { documentIdFor, ProjectedEvent, Projection } from '../../projection';
import { TaskDocument } from './tasks.document';

type TaskEventType = TaskEvent['type'];
type On<T extends TaskEventType> = ProjectedEvent<Extract<TaskEvent, { type: T }>>;

/** Keyed by every member of the union, so a new task event type fails to compile until listed. */
const HANDLED: Record<TaskEventType, true> = {
  TaskScheduled: true,
  TaskRescheduled: true,
  TaskCompleted: true,
  TaskCancelled: true,
};
const handles: ReadonlySet<string> = new Set(Object.keys(HANDLED));

const isTaskEvent = (event: ProjectedEvent): event is ProjectedEvent<TaskEvent> =>
  handles.has(event.type);

const inUtc = (time: string): string => new Date(time).toISOString();

const scheduled = (event: On<'TaskScheduled'>, documentId: string): TaskDocument => {
  const { data } = event;
  return {
    _id: documentId,
    tenantId: event.metadata.tenantId,
    taskId: data.taskId,
    title: data.title,
    dueAt: data.dueAt,
    _dueOrder: inUtc(data.dueAt),
    assigneeId: data.assigneeId,
    ...(data.relatedTo !== undefined && {
      relatedTo: { kind: data.relatedTo.kind, id: data.relatedTo.id },
    }),
    ...(data.notes !== undefined && { notes: data.notes }),
    status: 'open',
    scheduledAt: event.metadata.recordedAt,
    rescheduleCount: 0,
  };
};

const evolveTask = (
  current: TaskDocument | undefined,
  event: ProjectedEvent<TaskEvent>,
  documentId: string,
): TaskDocument | undefined => {
  if (event.type === 'TaskScheduled') return scheduled(event, documentId);
  if (current === undefined) return current;
  switch (event.type) {
    case 'TaskRescheduled':
      return {
        ...current,
        dueAt: event.data.dueAt,
        _dueOrder: inUtc(event.data.dueAt),
        rescheduleCount: current.rescheduleCount + 1,
      };
    case 'TaskCompleted':
      return { ...current, status: 'completed', completedAt: event.data.completedAt };
    case 'TaskCancelled':
      return { ...current, status: 'cancelled', cancelledAt: event.data.cancelledAt };
  }
};

/** `tasks`: one document per task. */
export const tasksProjection: Projection<TaskDocument> = {
  name: 'tasks',
  version: 3,
  history: true,
  indexes: [
    { fields: ['tenantId', 'assigneeId', 'status'] },
    // Overdue tasks, the earliest due first: the list's order is `_dueOrder` then `taskId`.
    { fields: ['tenantId', 'status', '_dueOrder', 'taskId'] },
    // A record's next open task: the first of its open tasks by when they are due.
    { fields: ['tenantId', 'relatedTo.kind', 'relatedTo.id', 'status', '_dueOrder', 'taskId'] },
  ],
  handles,
  documentIds: (event) =>
    isTaskEvent(event) ? [documentIdFor(event.metadata.tenantId, event.data.taskId)] : [],
  evolve: (current, event, documentId) =>
    isTaskEvent(event) ? evolveTask(current, event, documentId) : current,
};
