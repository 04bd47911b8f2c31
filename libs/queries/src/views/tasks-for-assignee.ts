import { ReadModels } from '../read-models';
import { ListPage, PageRequest, pageOf } from './list-page';
import { byDueAt } from './next-open-task';
import { readCollections } from './read-model-collections';
import { taskView, TaskView } from './record-summaries';
import { timeOf } from './time-spans';

export type TaskListStatus = 'open' | 'overdue';

export type TaskListRequest = { status?: TaskListStatus; page?: PageRequest };

/**
 * The open tasks of one assignee, the earliest due first; `overdue` keeps those due before `now`.
 * Due times are compared as instants (clients may send any UTC offset), so the sorting and the
 * overdue test run here rather than in the store.
 */
export const tasksForAssignee = async (
  readModels: ReadModels,
  tenantId: string,
  assigneeId: string,
  request: TaskListRequest,
  now: Date,
): Promise<ListPage<TaskView>> => {
  const { limit, offset } = pageOf(request.page ?? {});
  const tasks = await readCollections(readModels).tasks();
  const open = (await tasks.find({ tenantId, assigneeId, status: 'open' })).filter(
    (task) => task.tenantId === tenantId,
  );
  const listed =
    request.status === 'overdue' ? open.filter((task) => timeOf(task.dueAt) < now.getTime()) : open;
  return {
    items: listed
      .sort(byDueAt)
      .slice(offset, offset + limit)
      .map((task) => taskView(task, now)),
    total: listed.length,
    limit,
    offset,
  };
};
