import { CancelTask, CompleteTask, ScheduleTask } from '@crm/domain';
import { tasksForAssignee } from './tasks-for-assignee';
import { createViewsWorld, OTHER_TENANT, TENANT, ViewsWorld } from './views.test-kit';

const NOW = new Date('2026-02-01T12:00:00.000Z');

describe('tasksForAssignee', () => {
  let world: ViewsWorld;
  const schedule = (taskId: string, dueAt: string, assigneeId = 'user-7', tenantId = TENANT) =>
    world.send<ScheduleTask>(
      'task',
      taskId,
      { type: 'ScheduleTask', data: { taskId, title: `Task ${taskId}`, dueAt, assigneeId } },
      tenantId,
    );

  beforeAll(async () => {
    world = createViewsWorld();
    world.at('2026-01-01T00:00:00.000Z');
    await schedule('t-late', '2026-01-30T09:00:00.000Z');
    // 08:00 UTC: earlier than t-0830 although it sorts after it as text.
    await schedule('t-offset', '2026-02-02T09:00:00+01:00');
    await schedule('t-0830', '2026-02-02T08:30:00.000Z');
    await schedule('t-latest', '2026-02-10T09:00:00.000Z');
    await schedule('t-just-overdue', '2026-02-01T11:59:59.000Z');
    await schedule('t-done', '2026-01-15T09:00:00.000Z');
    await world.send<CompleteTask>('task', 't-done', {
      type: 'CompleteTask',
      data: { taskId: 't-done' },
    });
    await schedule('t-cancelled', '2026-01-15T09:00:00.000Z');
    await world.send<CancelTask>('task', 't-cancelled', {
      type: 'CancelTask',
      data: { taskId: 't-cancelled' },
    });
    await schedule('t-someone-else', '2026-01-15T09:00:00.000Z', 'user-2');
    await schedule('t-other-tenant', '2026-01-15T09:00:00.000Z', 'user-7', OTHER_TENANT);
    await world.project();
  });
  afterAll(() => world.close());

  it('lists the open tasks of the assignee, the earliest due first (as instants)', async () => {
    const page = await tasksForAssignee(
      world.readModels,
      TENANT,
      'user-7',
      { status: 'open' },
      NOW,
    );
    expect(page.items.map((t) => [t.taskId, t.overdue])).toEqual([
      ['t-late', true],
      ['t-just-overdue', true],
      ['t-offset', false],
      ['t-0830', false],
      ['t-latest', false],
    ]);
    expect(page).toMatchObject({ total: 5, limit: 50, offset: 0 });
    expect(page.items[0]).not.toHaveProperty('_id');
  });

  it('keeps the overdue ones (open and due before now)', async () => {
    const page = await tasksForAssignee(
      world.readModels,
      TENANT,
      'user-7',
      { status: 'overdue' },
      NOW,
    );
    expect(page.items.map((t) => t.taskId)).toEqual(['t-late', 't-just-overdue']);
    expect(page.total).toBe(2);
    const later = await tasksForAssignee(
      world.readModels,
      TENANT,
      'user-7',
      { status: 'overdue' },
      new Date('2026-02-02T08:15:00.000Z'),
    );
    expect(later.items.map((t) => t.taskId)).toEqual(['t-late', 't-just-overdue', 't-offset']);
  });

  it('pages', async () => {
    const page = await tasksForAssignee(
      world.readModels,
      TENANT,
      'user-7',
      { status: 'open', page: { limit: 2, offset: 2 } },
      NOW,
    );
    expect(page.items.map((t) => t.taskId)).toEqual(['t-offset', 't-0830']);
    expect(page).toMatchObject({ total: 5, limit: 2, offset: 2 });
  });

  it('keeps tenants and assignees apart', async () => {
    const other = await tasksForAssignee(world.readModels, OTHER_TENANT, 'user-7', {}, NOW);
    expect(other.items.map((t) => t.taskId)).toEqual(['t-other-tenant']);
    const nobody = await tasksForAssignee(world.readModels, TENANT, 'user-9', {}, NOW);
    expect(nobody).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
  });
});
