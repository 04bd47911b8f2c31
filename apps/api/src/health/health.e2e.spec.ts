import { TIMER_STREAM } from '@crm/application';
import { createEventSchemaRegistry, createEventSerializer, EventStore } from '@crm/event-store';
import { allProjections, ProjectionRunner } from '@crm/projections';
import { DocumentStore } from '@crm/read-store';
import { startTestApp, TestApp } from '../../../../test/support/test-app';

type Check = { status: string } & Record<string, unknown>;
type Report = { status: string; info: Record<string, Check>; error: Record<string, Check> };

const createContact = (t: TestApp) =>
  t.http().post('/contacts').send({ firstName: 'Ada', lastName: 'Lovelace' }).expect(201);

/** What a projector process does to the shared read store: apply the log up to its head. */
const projectToHead = (store: EventStore, documents: DocumentStore) =>
  new ProjectionRunner(
    store,
    documents,
    createEventSerializer(createEventSchemaRegistry()),
    allProjections,
  ).runToHead();

describe('health', () => {
  describe('with the projections in this process', () => {
    let t: TestApp;
    beforeAll(async () => (t = await startTestApp()));
    afterAll(() => t.close());

    it('/health/live answers 200', async () => {
      const response = await t.bare().get('/health/live').expect(200);
      expect(response.body).toEqual({ status: 'ok', info: {}, error: {}, details: {} });
    });

    it('/health/ready: stores reachable, read models following', async () => {
      await createContact(t);
      const head = (await t.head()).toString();
      const deadline = Date.now() + 10_000;
      let body: Report;
      do {
        body = (await t.bare().get('/health/ready')).body as Report;
      } while (body.info.readModels?.position !== head && Date.now() < deadline);
      expect(body).toMatchObject({
        status: 'ok',
        info: {
          eventStore: { status: 'up', headPosition: head },
          readStore: { status: 'up' },
          readModels: { status: 'up', source: 'in-process', position: head, lag: '0' },
        },
        error: {},
      });
    });

    it('/health keeps its summary', async () => {
      const response = await t.http().get('/health').expect(200);
      expect(response.body).toMatchObject({
        status: 'ok',
        eventStore: { status: 'up' },
        readModels: { source: 'in-process' },
      });
    });
  });

  describe('with the projections in another process (CRM_RUN_PROJECTIONS=false)', () => {
    let t: TestApp;
    beforeAll(
      async () =>
        (t = await startTestApp({ CRM_RUN_PROJECTIONS: 'false', CRM_READY_MAX_LAG: '0' })),
    );
    afterAll(() => t.close());

    it('reads the checkpoints: 503 while the read models are behind, 200 once caught up', async () => {
      await createContact(t);
      const head = (await t.head()).toString();
      const behind = await t.bare().get('/health/ready').expect(503);
      expect(behind.body).toMatchObject({
        status: 'error',
        info: { eventStore: { status: 'up' }, readStore: { status: 'up' } },
        error: {
          readModels: {
            status: 'down',
            source: 'checkpoints',
            position: '-1',
            headPosition: head,
            behind: true,
            maxLag: 0,
          },
        },
      });

      await projectToHead(t.store, t.documents);
      const caughtUp = await t.bare().get('/health/ready').expect(200);
      expect(caughtUp.body.info.readModels).toMatchObject({
        status: 'up',
        source: 'checkpoints',
        position: head,
        lag: '0',
      });

      const summary = await t.http().get('/health').expect(200);
      expect(summary.body.readModels).toEqual({
        status: 'up',
        source: 'checkpoints',
        position: head,
        lag: '0',
      });
      const projections = await t.http().get('/projections').expect(200);
      expect(projections.body).toMatchObject({ source: 'checkpoints', position: head });
      expect(projections.body.projections).toHaveLength(allProjections.length);
    });
  });

  describe('a stalled runner', () => {
    let t: TestApp;
    let failCommits = false;
    beforeAll(async () => {
      t = await startTestApp();
      const commit = t.documents.commit.bind(t.documents);
      t.documents.commit = (batch) =>
        failCommits ? Promise.reject(new Error('disk full (injected)')) : commit(batch);
    });
    afterAll(() => t.close());

    it('turns readiness to 503 naming why, and back to 200 once it has healed', async () => {
      await t.bare().get('/health/ready').expect(200);
      failCommits = true;
      await createContact(t);
      const deadline = Date.now() + 10_000;
      let response = await t.bare().get('/health/ready');
      while (response.status === 200 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        response = await t.bare().get('/health/ready');
      }
      expect(response.status).toBe(503);
      expect(response.body.error.readModels).toMatchObject({
        status: 'down',
        source: 'in-process',
        stalled: true,
        projections: expect.arrayContaining(['contacts']),
        error: 'Error: disk full (injected)',
        attempts: expect.any(Number),
      });

      failCommits = false;
      const healed = Date.now() + 20_000;
      while (response.status === 503 && Date.now() < healed) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        response = await t.bare().get('/health/ready');
      }
      expect(response.status).toBe(200);
      expect(response.body.info.readModels).toMatchObject({ status: 'up', lag: '0' });
    });
  });

  describe('a rule runner whose timers cannot be read', () => {
    let t: TestApp;
    let failTimerReads = false;
    beforeAll(async () => {
      t = await startTestApp({ CRM_RUN_PROCESSES: 'true', CRM_AUTOMATION_TIMER_POLL_MS: '20' });
      const readStream = t.store.readStream.bind(t.store);
      t.store.readStream = (name, options) =>
        failTimerReads && name === TIMER_STREAM
          ? Promise.reject(new Error('timer stream unreadable (injected)'))
          : readStream(name, options);
    });
    afterAll(() => t.close());

    it('turns readiness to 503 naming the stopped loop, and back to 200 once it has restarted', async () => {
      const ready = await t.bare().get('/health/ready').expect(200);
      expect(ready.body.info.automation).toMatchObject({ status: 'up', pendingTimers: 0 });
      failTimerReads = true;
      const deadline = Date.now() + 10_000;
      let response = await t.bare().get('/health/ready');
      while (response.status === 200 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        response = await t.bare().get('/health/ready');
      }
      expect(response.status).toBe(503);
      expect(response.body.error.automation).toEqual({
        status: 'down',
        stopped: { timers: 'timer stream unreadable (injected)' },
      });

      failTimerReads = false;
      const healed = Date.now() + 10_000;
      while (response.status === 503 && Date.now() < healed) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        response = await t.bare().get('/health/ready');
      }
      expect(response.status).toBe(200);
      expect(response.body.info.automation).toMatchObject({ status: 'up' });
    });
  });
});
