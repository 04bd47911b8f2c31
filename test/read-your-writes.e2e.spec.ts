import { createEmbeddedDocumentStore, DocumentStore } from '@crm/read-store';
import { startTestApp, TestApp } from './support/test-app';

type QueryOperation = { parameters?: { name: string; in: string }[] };

/** What a query route refuses to run without, besides its path (not in its OpenAPI parameters). */
const REQUIRED_QUERY: Record<string, Record<string, string>> = {
  '/reports/stage-conversion': { pipelineId: 'no-such-record' },
};

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

    it('refuses at once a position beyond the head of the log', async () => {
      const head = await t.head();
      const started = Date.now();
      const response = await t
        .http()
        .get('/contacts')
        .query({ minPosition: (head + 1000n).toString() })
        .expect(400);
      expect(response.body).toMatchObject({
        code: 'MIN_POSITION_NOT_WRITTEN',
        fields: [{ field: 'minPosition' }],
      });
      expect(Date.now() - started).toBeLessThan(1000);
    });

    it('waits on every query route that declares minPosition', async () => {
      const { body: document } = await t.http().get('/openapi.json').expect(200);
      const paths = document.paths as Record<string, Record<string, QueryOperation>>;
      const waiting = Object.entries(paths).flatMap(([path, methods]) =>
        methods.get?.parameters?.some((p) => p.in === 'query' && p.name === 'minPosition')
          ? [path]
          : [],
      );
      expect(waiting.length).toBeGreaterThan(30);
      const beyondHead = ((await t.head()) + 1000n).toString();
      const notWaiting: string[] = [];
      for (const path of waiting) {
        const { status, body } = await t
          .http()
          .get(path.replace(/\{[^}]+\}/g, 'no-such-record'))
          .query({ ...REQUIRED_QUERY[path], minPosition: beyondHead });
        if (body.code !== 'MIN_POSITION_NOT_WRITTEN')
          notWaiting.push(`${path}: ${status} ${body.code}`);
      }
      expect(notWaiting).toEqual([]);
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

  describe('when the read store fails for a while', () => {
    let t: TestApp;
    let failing = false;
    let inner: DocumentStore;
    beforeAll(async () => {
      inner = createEmbeddedDocumentStore({ path: ':memory:' });
      const flaky: DocumentStore = {
        ...inner,
        commit: async (batch) => {
          if (failing) throw new Error('SQLITE_FULL: database or disk is full');
          await inner.commit(batch);
        },
      };
      t = await startTestApp({ CRM_READ_WAIT_TIMEOUT_MS: '3000' }, flaky);
    });
    afterAll(() => t.close());

    it('readiness and minPosition say so (503, never 500), and it recovers by itself', async () => {
      await t.http().get('/health').expect(200);
      failing = true;
      const { body } = await createContact(t, 'Stalled');
      let health = await t.http().get('/health');
      for (let i = 0; i < 100 && health.status === 200; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        health = await t.http().get('/health');
      }
      expect(health.status).toBe(503);
      expect(health.body.readModels).toMatchObject({
        status: 'stalled',
        projections: expect.arrayContaining(['contacts']),
        error: 'Error: SQLITE_FULL: database or disk is full',
      });
      const started = Date.now();
      const behind = await t
        .http()
        .get(`/contacts/${body.id}`)
        .query({ minPosition: body.position });
      expect(behind.status).toBe(503);
      expect(behind.body).toMatchObject({
        code: 'READ_MODELS_BEHIND',
        details: { stalled: { error: 'Error: SQLITE_FULL: database or disk is full' } },
      });
      expect(Date.now() - started).toBeLessThan(1000);

      failing = false;
      let view = await t.http().get(`/contacts/${body.id}`).query({ minPosition: body.position });
      for (let i = 0; i < 200 && view.status !== 200; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        view = await t.http().get(`/contacts/${body.id}`).query({ minPosition: body.position });
      }
      expect(view.status).toBe(200);
      expect(view.body.firstName).toBe('Stalled');
      await t.http().get('/health').expect(200);
    });
  });
});
