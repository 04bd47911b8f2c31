import { startTestApp, TestApp } from './support/test-app';

/** 50 concurrent commands on one record over HTTP: all land or are cleanly refused. */
describe('concurrent commands on one record', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const scheduleTask = async (): Promise<string> => {
    const { body } = await t
      .http()
      .post('/tasks')
      .send({ title: 'Hot record', dueAt: '2026-01-01T00:00:00.000Z', assigneeId: 'user-1' })
      .expect(201);
    return body.id;
  };
  const dueAt = (i: number) => new Date(Date.UTC(2026, 1, 1 + i)).toISOString();

  it('lands all 50 with contiguous revisions and no lost update', async () => {
    const id = await scheduleTask();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t
          .http()
          .post(`/tasks/${id}/reschedule`)
          .send({ dueAt: dueAt(i) }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
    expect(new Set(responses.map((r) => r.body.revision)).size).toBe(50);

    const { body } = await t.http().get(`/audit/task/${id}`).expect(200);
    expect(body.events.map((e: { revision: number }) => e.revision)).toEqual(
      Array.from({ length: 51 }, (_, i) => i),
    );
    // Each reschedule saw the one before it: nothing was decided on a stale state.
    const moves = body.events
      .slice(1)
      .map((e: { data: { previousDueAt: string; dueAt: string } }) => e.data);
    moves.forEach((move: { previousDueAt: string }, i: number) => {
      const before = i === 0 ? '2026-01-01T00:00:00.000Z' : moves[i - 1].dueAt;
      expect(move.previousDueAt).toBe(before);
    });
  });

  it('with If-Match on the same revision, exactly one lands and the rest get 412', async () => {
    const id = await scheduleTask();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t
          .http()
          .post(`/tasks/${id}/reschedule`)
          .set('if-match', '"0"')
          .send({ dueAt: dueAt(i) }),
      ),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(49);
    const { body } = await t.http().get(`/audit/task/${id}`).expect(200);
    expect(body.events).toHaveLength(2);
  });

  it('with one idempotency key, 50 concurrent repeats append once and answer alike', async () => {
    const id = await scheduleTask();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        t
          .http()
          .post(`/tasks/${id}/reschedule`)
          .set('idempotency-key', 'same-key')
          .send({ dueAt: dueAt(99) }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
    expect(new Set(responses.map((r) => `${r.body.revision}/${r.body.position}`)).size).toBe(1);
    expect(responses.filter((r) => r.body.appended === 1)).toHaveLength(1);
    const { body } = await t.http().get(`/audit/task/${id}`).expect(200);
    expect(body.events).toHaveLength(2);
  });
});
