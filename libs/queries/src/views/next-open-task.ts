import { RecordRef } from '@crm/domain';
import { TaskDocument } from '@crm/projections';
import { DocumentCollection } from '@crm/read-store';
import { taskView, TaskView } from './record-summaries';
import { timeOf } from './time-spans';
import { findForEach } from './tenant-documents';
import { compareText } from './compare';

/** Open tasks, the earliest due first (times compared as instants, whatever their offset). */
export const byDueAt = (a: TaskDocument, b: TaskDocument): number =>
  timeOf(a.dueAt) - timeOf(b.dueAt) || compareText(a.taskId, b.taskId);

/**
 * The open task due first among those related to any of the records (`kind`, `ids`): each
 * record's first one comes sorted and limited from the store (`_dueOrder` is `dueAt` in UTC, so
 * it sorts as the instants do), then the earliest of those.
 */
export const nextOpenTask = async (
  tasks: DocumentCollection<TaskDocument>,
  tenantId: string,
  kind: RecordRef['kind'],
  ids: readonly string[],
  now: Date,
): Promise<TaskView | null> => {
  const firsts = await findForEach(
    tasks,
    tenantId,
    'relatedTo.id',
    ids,
    { 'relatedTo.kind': kind, status: 'open' },
    { sort: { _dueOrder: 1, taskId: 1 }, limit: 1 },
  );
  const first = firsts.sort(byDueAt)[0];
  return first === undefined ? null : taskView(first, now);
};
