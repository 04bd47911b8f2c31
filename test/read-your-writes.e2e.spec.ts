import { startTestApp, TestApp } from './support/test-app';

const createContact = (t: TestApp, firstName: string) =>
  t.http().post('/contacts').send({ firstName, lastName: 'Writes' }).expect(201);

describe('read your writes', () => {
  describe('with projections running in the API', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('a query given the position a command wrote sees that write', async () => {
      for (let i = 0; i < 20; i++) {
        const { body } = await createContact(t, `Reader${i}`);
        const view = await t
          .http()
          .get(`/contacts/${body.id}`)
          .query({ minPosition: body.position })
          .expect(200);
        expect(view.body.firstName).toBe(`Reader${i}`);
      }
    });

    it('refuses a position the log has not reached with 400 POSITION_NOT_WRITTEN, at once', async () => {
      const head = await t.head();
      const started = Date.now();
      const response = await t
        .http()
        .get('/contacts')
        .query({ minPosition: String(head + 1000n) })
        .expect(400);
      expect(response.body).toMatchObject({
        code: 'POSITION_NOT_WRITTEN',
        fields: [{ field: 'minPosition', errors: expect.any(Array) }],
      });
      expect(Date.now() - started).toBeLessThan(1000);
    });

    it('refuses a malformed position', async () => {
      const response = await t.http().get('/contacts').query({ minPosition: 'soon' }).expect(400);
      expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual(['minPosition']);
    });
  });

  describe('when the read models cannot catch up in time', () => {
    let t: TestApp;
    beforeAll(async () => {
      // No projections in this process and none elsewhere: the read models never move.
      t = await startTestApp({ CRM_RUN_PROJECTIONS: 'false', CRM_READ_WAIT_TIMEOUT_MS: '200' });
    });
    afterAll(() => t.close());

    it('answers 503 READ_MODELS_BEHIND after the bounded wait, not stale data', async () => {
      const { body } = await createContact(t, 'Late');
      const started = Date.now();
      const response = await t
        .http()
        .get(`/contacts/${body.id}`)
        .query({ minPosition: body.position });
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({
        code: 'READ_MODELS_BEHIND',
        details: { requested: body.position },
      });
      expect(response.headers['retry-after']).toBe('1');
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    });
  });
});
