import {
  DomainEvent,
  TaskCancelled,
  TaskCompleted,
  TaskRescheduled,
  TaskScheduled,
} from '@crm/domain';
import { ProjectionSpecification, projectedEvent } from '@crm/testing';
import { ProjectedEvent } from '../../projection';
import { TaskDocument } from './tasks.document';
import { tasksProjection } from './tasks.projection';

const taskId = 'task-1';
const scheduledAt = '2026-01-15T10:00:00.000Z';

const spec = ProjectionSpecification.for(tasksProjection);
/** Folds events the way the runner does; see ProjectionSpecification for what it checks. */
const project = (events: readonly ProjectedEvent[], start?: ReadonlyMap<string, TaskDocument>) =>
  spec.given(events, start).documents();
const projectOne = (events: ProjectedEvent[]) => project(events).get(`acme:${taskId}`);

type Options = { tenantId?: string };

const scheduled = (data: Partial<TaskScheduled['data']> = {}, options: Options = {}) =>
  projectedEvent<TaskScheduled>(
    {
      type: 'TaskScheduled',
      data: {
        taskId,
        title: 'Send the revised quote',
        dueAt: '2026-01-20T17:00:00.000Z',
        assigneeId: 'user-7',
        relatedTo: { kind: 'deal', id: 'deal-1' },
        notes: 'Include the 3-year option',
        ...data,
      },
    },
    { recordedAt: scheduledAt, ...options },
  );
const rescheduled = (previousDueAt: string, dueAt: string) =>
  projectedEvent<TaskRescheduled>({
    type: 'TaskRescheduled',
    data: { taskId, previousDueAt, dueAt, reason: 'customer away' },
  });
const completed = (completedAt: string, options: Options = {}) =>
  projectedEvent<TaskCompleted>(
    { type: 'TaskCompleted', data: { taskId, completedAt, outcome: 'sent' } },
    options,
  );
const cancelled = (cancelledAt: string) =>
  projectedEvent<TaskCancelled>({
    type: 'TaskCancelled',
    data: { taskId, cancelledAt, reason: 'deal lost' },
  });

describe('tasks projection', () => {
  it('declares its collection, indexes and the task events it reads', () => {
    expect(tasksProjection.name).toBe('tasks');
    expect(tasksProjection.indexes).toEqual([
      { fields: ['tenantId', 'assigneeId', 'status'] },
      { fields: ['tenantId', 'status', '_dueOrder', 'taskId'] },
      { fields: ['tenantId', 'relatedTo.kind', 'relatedTo.id', 'status', '_dueOrder', 'taskId'] },
    ]);
    expect([...tasksProjection.handles].sort()).toEqual([
      'TaskCancelled',
      'TaskCompleted',
      'TaskRescheduled',
      'TaskScheduled',
    ]);
    expect(tasksProjection.handles.has('DealWon')).toBe(false);
    expect(
      tasksProjection.documentIds(
        projectedEvent<DomainEvent>({ type: 'DealWon', data: { dealId: 'd' } }),
      ),
    ).toEqual([]);
  });

  it('TaskScheduled creates an open task, scheduled when it was recorded', () => {
    expect(projectOne([scheduled()])).toEqual({
      _id: 'acme:task-1',
      tenantId: 'acme',
      taskId,
      title: 'Send the revised quote',
      dueAt: '2026-01-20T17:00:00.000Z',
      _dueOrder: '2026-01-20T17:00:00.000Z',
      assigneeId: 'user-7',
      relatedTo: { kind: 'deal', id: 'deal-1' },
      notes: 'Include the 3-year option',
      status: 'open',
      scheduledAt,
      rescheduleCount: 0,
    });
    const bare = projectOne([scheduled({ relatedTo: undefined, notes: undefined })]);
    expect(bare).not.toHaveProperty('relatedTo');
    expect(bare).not.toHaveProperty('notes');
  });

  it('TaskRescheduled moves the due time and counts reschedules', () => {
    expect(
      projectOne([
        scheduled(),
        rescheduled('2026-01-20T17:00:00.000Z', '2026-01-22T17:00:00.000Z'),
        rescheduled('2026-01-22T17:00:00.000Z', '2026-01-27T10:00:00+01:00'),
      ]),
    ).toMatchObject({
      status: 'open',
      dueAt: '2026-01-27T10:00:00+01:00',
      _dueOrder: '2026-01-27T09:00:00.000Z',
      rescheduleCount: 2,
    });
  });

  it('TaskCompleted completes the task', () => {
    const task = projectOne([scheduled(), completed('2026-01-19T15:00:00.000Z')]);
    expect(task).toMatchObject({ status: 'completed', completedAt: '2026-01-19T15:00:00.000Z' });
    expect(task).not.toHaveProperty('cancelledAt');
  });

  it('TaskCancelled cancels the task', () => {
    const task = projectOne([scheduled(), cancelled('2026-01-18T08:00:00.000Z')]);
    expect(task).toMatchObject({ status: 'cancelled', cancelledAt: '2026-01-18T08:00:00.000Z' });
    expect(task).not.toHaveProperty('completedAt');
  });

  it('never mutates the current document and ignores events for tasks it never saw', () => {
    const before = projectOne([scheduled()]) as TaskDocument;
    const frozen = structuredClone(before);
    tasksProjection.evolve(before, completed('2026-01-19T15:00:00.000Z'), before._id);
    tasksProjection.evolve(
      before,
      rescheduled('2026-01-20T17:00:00.000Z', '2026-01-22T17:00:00.000Z'),
      before._id,
    );
    expect(before).toEqual(frozen);
    expect(
      tasksProjection.evolve(undefined, cancelled('2026-01-18T08:00:00.000Z'), 'acme:task-1'),
    ).toBeUndefined();
  });

  it('keeps tenants apart, even for the same task id', () => {
    const documents = project([
      scheduled({}, { tenantId: 'acme' }),
      scheduled({ assigneeId: 'user-9' }, { tenantId: 'globex' }),
      completed('2026-01-19T15:00:00.000Z', { tenantId: 'globex' }),
    ]);
    expect(tasksProjection.documentIds(scheduled({}, { tenantId: 'globex' }))).toEqual([
      'globex:task-1',
    ]);
    expect(documents.get('acme:task-1')).toMatchObject({ tenantId: 'acme', status: 'open' });
    expect(documents.get('globex:task-1')).toMatchObject({
      tenantId: 'globex',
      assigneeId: 'user-9',
      status: 'completed',
    });
  });
});
