import { startTestApp, TestApp } from '../../../../test/support/test-app';

describe('tasks API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const schedule = (body: Record<string, unknown> = {}) =>
    t
      .http()
      .post('/tasks')
      .send({
        title: 'Send proposal',
        dueAt: '2026-02-01T09:00:00.000Z',
        assigneeId: 'user-2',
        ...body,
      });

  it('schedules a task and answers with id, revision, position and ETag', async () => {
    const response = await schedule().expect(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      revision: 0,
      position: expect.stringMatching(/^\d+$/),
      appended: 1,
    });
    expect(response.headers.etag).toBe('"0"');
  });

  it('reschedules, completes, then refuses to cancel a completed task', async () => {
    const { body } = await schedule().expect(201);
    await t
      .http()
      .post(`/tasks/${body.id}/reschedule`)
      .send({ dueAt: '2026-02-03T09:00:00.000Z' })
      .expect(200);
    const done = await t
      .http()
      .post(`/tasks/${body.id}/complete`)
      .send({ outcome: 'sent' })
      .expect(200);
    expect(done.body.revision).toBe(2);

    const before = await t.head();
    const refused = await t.http().post(`/tasks/${body.id}/cancel`).send({}).expect(422);
    expect(refused.body).toMatchObject({ code: 'TASK_CLOSED', statusCode: 422 });
    expect(await t.head()).toBe(before);
  });

  it('answers 404 for an unknown task', async () => {
    const response = await t.http().post('/tasks/no-such-task/complete').send({}).expect(404);
    expect(response.body.code).toBe('TASK_NOT_FOUND');
  });

  it('lists every offending field of a bad body and appends nothing', async () => {
    const before = await t.head();
    const response = await t
      .http()
      .post('/tasks')
      .send({ title: 42, dueAt: 'tomorrow', colour: 'red', relatedTo: { kind: 'planet', id: 'x' } })
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    const fields = response.body.fields.map((f: { field: string }) => f.field).sort();
    expect(fields).toEqual(['assigneeId', 'colour', 'dueAt', 'relatedTo.kind', 'title']);
    expect(await t.head()).toBe(before);
  });

  it('stores a due time sent with an offset in canonical UTC form', async () => {
    const { body } = await schedule({ dueAt: '2026-06-01T10:00:00+02:00' }).expect(201);
    await t
      .http()
      .post(`/tasks/${body.id}/reschedule`)
      .send({ dueAt: '2026-06-02T09:30:00-05:00' })
      .expect(200);
    const audit = await t.http().get(`/audit/task/${body.id}`).expect(200);
    const dueTimes = audit.body.events.map((e: { data: { dueAt: string } }) => e.data.dueAt);
    expect(dueTimes).toEqual(['2026-06-01T08:00:00.000Z', '2026-06-02T14:30:00.000Z']);
  });

  it.each([
    ['a space instead of the T', '2026-06-01 10:00'],
    ['no offset', '2026-06-01T10:00:00'],
    ['only a date', '2026-06-01'],
    ['a day that does not exist', '2026-02-30T10:00:00Z'],
  ])('refuses a due time with %s with 400 naming dueAt', async (_case, dueAt) => {
    const { body } = await schedule().expect(201);
    const before = await t.head();
    const created = await schedule({ dueAt }).expect(400);
    expect(created.body.code).toBe('VALIDATION_FAILED');
    expect(created.body.fields.map((f: { field: string }) => f.field)).toEqual(['dueAt']);
    const rescheduled = await t
      .http()
      .post(`/tasks/${body.id}/reschedule`)
      .send({ dueAt })
      .expect(400);
    expect(rescheduled.body.fields.map((f: { field: string }) => f.field)).toEqual(['dueAt']);
    expect(await t.head()).toBe(before);
  });

  it('applies If-Match only at the matching revision', async () => {
    const { body } = await schedule().expect(201);
    await t
      .http()
      .post(`/tasks/${body.id}/reschedule`)
      .set('if-match', '"5"')
      .send({ dueAt: '2026-03-01T09:00:00.000Z' })
      .expect(412);
    await t
      .http()
      .post(`/tasks/${body.id}/reschedule`)
      .set('if-match', '"0"')
      .send({ dueAt: '2026-03-01T09:00:00.000Z' })
      .expect(200);
  });

  it('replays an idempotent create and refuses the key for another request', async () => {
    const first = await schedule().set('idempotency-key', 'task-key-1').expect(201);
    const before = await t.head();
    const repeat = await schedule().set('idempotency-key', 'task-key-1').expect(201);
    expect(repeat.body).toEqual({ ...first.body, appended: 0 });
    expect(await t.head()).toBe(before);
    const reused = await schedule({ title: 'Another' })
      .set('idempotency-key', 'task-key-1')
      .expect(409);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses a command without a credential', async () => {
    const response = await t
      .bare()
      .post('/tasks')
      .send({ title: 'x', dueAt: '2026-02-01T09:00:00Z', assigneeId: 'u' })
      .expect(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  });
});
