import { RecordRef, TaskStatus } from '@crm/domain';
import { TaskDocument } from '@crm/projections';
import { Filter } from '@crm/read-store';
import { ReadModels } from '../../read-models';
import { readCollections } from '../read-model-collections';
import { taskView, TaskView } from '../record-summaries';
import {
  definedConditions,
  KeysetPage,
  keysetList,
  ListOrder,
  ListRequest,
  rangeOf,
} from './keyset-list';

/** Tasks order by when they are due, as instants (`_dueOrder`), or by when they were scheduled. */
export const TASK_ORDERS: Record<
  'dueAt' | '-dueAt' | 'scheduledAt' | '-scheduledAt',
  ListOrder<TaskDocument>
> = {
  dueAt: { field: '_dueOrder', direction: 1, idField: 'taskId' },
  '-dueAt': { field: '_dueOrder', direction: -1, idField: 'taskId' },
  scheduledAt: { field: 'scheduledAt', direction: 1, idField: 'taskId' },
  '-scheduledAt': { field: 'scheduledAt', direction: -1, idField: 'taskId' },
};

/** A task's status, or `overdue`: open and due before the moment of the request. */
export type TaskListStatus = TaskStatus | 'overdue';

export type TaskListFilter = ListRequest & {
  assigneeId?: string;
  status?: TaskListStatus;
  /** Due at or after / at or before, ISO-8601 in UTC. */
  dueFrom?: string;
  dueTo?: string;
  relatedTo?: RecordRef;
  /** One of TASK_ORDERS; the earliest due first when absent. */
  sort?: keyof typeof TASK_ORDERS;
};

const statusConditions = (status: TaskListStatus | undefined, now: Date): Filter =>
  status === 'overdue'
    ? { status: 'open', _dueOrder: { $lt: now.toISOString() } }
    : definedConditions({ status });

const dueConditions = (filter: TaskListFilter, status: Filter): Filter => {
  const range = rangeOf(filter.dueFrom, filter.dueTo);
  if (range === undefined) return status;
  const overdueBound = status._dueOrder as Filter | undefined;
  return { ...status, _dueOrder: { ...range, ...overdueBound } };
};

/**
 * The tenant's tasks matching every filter given, with whether each is overdue at `now`, one
 * page at a time.
 */
export const listTasks = async (
  readModels: ReadModels,
  tenantId: string,
  request: TaskListFilter,
  now: Date,
): Promise<KeysetPage<TaskView>> =>
  keysetList(
    await readCollections(readModels).tasks(),
    {
      tenantId,
      filter: {
        ...definedConditions({
          assigneeId: request.assigneeId,
          'relatedTo.kind': request.relatedTo?.kind,
          'relatedTo.id': request.relatedTo?.id,
        }),
        ...dueConditions(request, statusConditions(request.status, now)),
      },
      order: TASK_ORDERS[request.sort ?? 'dueAt'],
      view: (task) => taskView(task, now),
    },
    request,
  );
