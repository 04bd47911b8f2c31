import { startTestApp, TestApp } from '../../../../test/support/test-app';
import {
  fieldsOf,
  OTHER_TENANT,
  sleep,
  viewsClient,
  ViewsClient,
} from '../queries/views.e2e-support';

type TaskItem = { taskId: string; title: string; overdue: boolean };

describe('task views API', () => {
  let t: TestApp;
  let api: ViewsClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    api = viewsClient(t);
    const schedule = async (title: string, dueAt: string, assigneeId = 'user-7') => {
      ids[title] = (await api.command('post', '/tasks', { title, dueAt, assigneeId })).id;
    };
    await schedule('future', '2099-01-01T09:00:00.000Z');
    await schedule('long overdue', '2020-01-01T09:00:00.000Z');
    await schedule('overdue', '2021-06-01T09:00:00.000Z');
    await schedule('far future', '2099-06-01T09:00:00.000Z');
    await schedule('done', '2020-02-01T09:00:00.000Z');
    await api.command('post', `/tasks/${ids.done}/complete`);
    await schedule('cancelled', '2020-03-01T09:00:00.000Z');
    await api.command('post', `/tasks/${ids.cancelled}/cancel`);
    await schedule('someone else', '2020-01-01T09:00:00.000Z', 'user-2');
  });
  afterAll(() => t.close());

  const titles = (body: { items: TaskItem[] }) => body.items.map((task) => task.title);

  it("GET /tasks?assigneeId=&status=open lists the assignee's open tasks, the earliest due first", async () => {
    const { body } = await api.read('/tasks?assigneeId=user-7&status=open').expect(200);
    expect(titles(body)).toEqual(['long overdue', 'overdue', 'future', 'far future']);
    expect(body.items.map((task: TaskItem) => task.overdue)).toEqual([true, true, false, false]);
    expect(body).toMatchObject({ total: 4, limit: 50, offset: 0 });
  });

  it('GET /tasks without filters lists every task of every status and assignee', async () => {
    const { body } = await api.read('/tasks').expect(200);
    // The first two are due at the same moment: their order is their (random) ids'.
    expect(titles(body).slice(0, 2).sort()).toEqual(['long overdue', 'someone else']);
    expect(titles(body).slice(2)).toEqual(['done', 'cancelled', 'overdue', 'future', 'far future']);
    const done = await api.read('/tasks?status=completed').expect(200);
    expect(titles(done.body)).toEqual(['done']);
    const due = await api.read('/tasks?dueFrom=2099-01-01T00:00:00Z&sort=-dueAt').expect(200);
    expect(titles(due.body)).toEqual(['far future', 'future']);
  });

  it('refuses a related record half given, and bad statuses', async () => {
    const half = await api.get('/tasks?relatedKind=deal&status=late').expect(400);
    expect(fieldsOf(half.body)).toEqual(['relatedId', 'status']);
    await api.read('/tasks?relatedKind=deal&relatedId=d-1').expect(200);
  });

  it('GET /tasks?status=overdue keeps the open ones due before now', async () => {
    const { body } = await api.read('/tasks?assigneeId=user-7&status=overdue').expect(200);
    expect(titles(body)).toEqual(['long overdue', 'overdue']);
    expect(body.total).toBe(2);
  });

  it('pages', async () => {
    const { body } = await api
      .read('/tasks?assigneeId=user-7&status=open&limit=2&offset=1')
      .expect(200);
    expect(titles(body)).toEqual(['overdue', 'future']);
    expect(body).toMatchObject({ total: 4, limit: 2, offset: 1 });
  });

  it('GET /tasks/:id answers the task now and as of a past moment', async () => {
    const { id } = await api.command('post', '/tasks', {
      title: 'Call back',
      dueAt: '2099-01-01T09:00:00.000Z',
      assigneeId: 'user-7',
    });
    await sleep(5);
    const before = new Date().toISOString();
    await sleep(5);
    await api.command('post', `/tasks/${id}/complete`);
    expect((await api.read(`/tasks/${id}`).expect(200)).body).toMatchObject({
      status: 'completed',
    });
    expect((await api.read(`/tasks/${id}?asOf=${before}`).expect(200)).body).toMatchObject({
      status: 'open',
    });
    expect((await api.get('/tasks/no-such-task').expect(404)).body.code).toBe('TASK_NOT_FOUND');
  });

  it('refuses a bad status or limit with 400', async () => {
    const bad = await api.get('/tasks?assigneeId=user-7&status=late&limit=500').expect(400);
    expect(fieldsOf(bad.body)).toEqual(['limit', 'status']);
  });

  it('shows no task to another tenant', async () => {
    const other = viewsClient(t, OTHER_TENANT);
    const { body } = await other.read('/tasks?assigneeId=user-7&status=overdue').expect(200);
    expect(body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
    await other.read(`/tasks/${ids.future}`).expect(404);
  });
});
