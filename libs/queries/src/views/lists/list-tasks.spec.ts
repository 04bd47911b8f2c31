import { CancelTask, CompleteTask, ScheduleTask } from '@crm/domain';
import { createViewsWorld, OTHER_TENANT, TENANT, ViewsWorld } from '../views.test-kit';
import { listTasks, TaskListFilter } from './list-tasks';

const NOW = new Date('2026-02-01T12:00:00.000Z');

describe('listTasks', () => {
  let world: ViewsWorld;
  const schedule = (taskId: string, dueAt: string, assigneeId = 'user-7', tenantId = TENANT) =>
    world.send<ScheduleTask>(
      'task',
      taskId,
      {
        type: 'ScheduleTask',
        data: {
          taskId,
          title: `Task ${taskId}`,
          dueAt,
          assigneeId,
          ...(taskId === 't-latest' && { relatedTo: { kind: 'deal' as const, id: 'd-1' } }),
        },
      },
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
    await schedule('t-cancelled', '2026-01-16T09:00:00.000Z');
    await world.send<CancelTask>('task', 't-cancelled', {
      type: 'CancelTask',
      data: { taskId: 't-cancelled' },
    });
    await schedule('t-someone-else', '2026-01-17T09:00:00.000Z', 'user-2');
    await schedule('t-other-tenant', '2026-01-15T09:00:00.000Z', 'user-7', OTHER_TENANT);
    await world.project();
  });
  afterAll(() => world.close());

  const ids = async (filter: TaskListFilter, now = NOW) =>
    (await listTasks(world.readModels, TENANT, filter, now)).items.map((t) => t.taskId);

  it('lists the open tasks of an assignee, the earliest due first (as instants)', async () => {
    const page = await listTasks(
      world.readModels,
      TENANT,
      { assigneeId: 'user-7', status: 'open' },
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
    expect(page.items[0]).not.toHaveProperty('_dueOrder');
    expect(page.items.find((t) => t.taskId === 't-offset')?.dueAt).toBe(
      '2026-02-02T09:00:00+01:00',
    );
  });

  it('lists every status and every assignee when not asked for one', async () => {
    expect(await ids({})).toEqual([
      't-done',
      't-cancelled',
      't-someone-else',
      't-late',
      't-just-overdue',
      't-offset',
      't-0830',
      't-latest',
    ]);
    expect(await ids({ status: 'completed' })).toEqual(['t-done']);
    expect(await ids({ sort: '-dueAt', limit: 2 })).toEqual(['t-latest', 't-0830']);
  });

  it('keeps the overdue ones (open and due before now), within a due range if given', async () => {
    expect(await ids({ assigneeId: 'user-7', status: 'overdue' })).toEqual([
      't-late',
      't-just-overdue',
    ]);
    expect(await ids({ status: 'overdue' })).toEqual([
      't-someone-else',
      't-late',
      't-just-overdue',
    ]);
    const later = new Date('2026-02-02T08:15:00.000Z');
    expect(await ids({ assigneeId: 'user-7', status: 'overdue' }, later)).toEqual([
      't-late',
      't-just-overdue',
      't-offset',
    ]);
    expect(
      await ids({
        status: 'overdue',
        dueFrom: '2026-01-20T00:00:00.000Z',
        dueTo: '2026-02-01T00:00:00.000Z',
      }),
    ).toEqual(['t-late']);
  });

  it('filters by related record', async () => {
    expect(await ids({ relatedTo: { kind: 'deal', id: 'd-1' } })).toEqual(['t-latest']);
    expect(await ids({ relatedTo: { kind: 'deal', id: 'd-2' } })).toEqual([]);
  });

  it('pages by offset and by cursor', async () => {
    const page = await listTasks(
      world.readModels,
      TENANT,
      { assigneeId: 'user-7', status: 'open', limit: 2, offset: 2 },
      NOW,
    );
    expect(page.items.map((t) => t.taskId)).toEqual(['t-offset', 't-0830']);
    expect(page).toMatchObject({ total: 5, limit: 2, offset: 2 });
    const next = await ids({
      assigneeId: 'user-7',
      status: 'open',
      limit: 2,
      cursor: page.nextCursor,
    });
    expect(next).toEqual(['t-latest']);
  });

  it('keeps tenants and assignees apart', async () => {
    const other = await listTasks(world.readModels, OTHER_TENANT, { assigneeId: 'user-7' }, NOW);
    expect(other.items.map((t) => t.taskId)).toEqual(['t-other-tenant']);
    const nobody = await listTasks(world.readModels, TENANT, { assigneeId: 'user-9' }, NOW);
    expect(nobody).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
  });
});
