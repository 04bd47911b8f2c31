import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { fieldsOf, OTHER_TENANT, sleep, viewsClient, ViewsClient } from './views.e2e-support';

/** GET /leads/:id, /tickets/:id, /campaigns/:id and /interactions/:id, now and `asOf`. */
describe('record views API', () => {
  let t: TestApp;
  let api: ViewsClient;
  let contactId: string;

  beforeAll(async () => {
    t = await startTestApp();
    api = viewsClient(t);
    contactId = (await api.command('post', '/contacts', { firstName: 'Ada', lastName: 'Lovelace' }))
      .id;
  });
  afterAll(() => t.close());

  /** Creates a record, changes it after a moment T, and checks the record now and as of T. */
  const checkTimeTravel = async (
    path: string,
    create: () => Promise<string>,
    change: (id: string) => Promise<unknown>,
    then: Record<string, unknown>,
    now: Record<string, unknown>,
  ) => {
    const id = await create();
    await sleep(5);
    const before = new Date().toISOString();
    await sleep(5);
    await change(id);
    const current = await api.read(`${path}/${id}`).expect(200);
    expect(current.body).toMatchObject(now);
    expect(current.body).not.toHaveProperty('_id');
    expect((await api.read(`${path}/${id}?asOf=${before}`).expect(200)).body).toMatchObject(then);
    await api.get(`${path}/${id}?asOf=2020-01-01T00:00:00.000Z`).expect(404);
    await viewsClient(t, OTHER_TENANT).read(`${path}/${id}`).expect(404);
  };

  it('GET /leads/:id', async () => {
    await checkTimeTravel(
      '/leads',
      async () =>
        (
          await api.command('post', '/leads', {
            source: 'webinar',
            contact: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@navy.example' },
          })
        ).id,
      (id) => api.command('post', `/leads/${id}/score`, { delta: 25, reason: 'opened' }),
      { score: 0, status: 'new' },
      { score: 25, source: 'webinar' },
    );
  });

  it('GET /tickets/:id', async () => {
    await checkTimeTravel(
      '/tickets',
      async () =>
        (
          await api.command('post', '/tickets', {
            contactId,
            channel: 'web',
            priority: 'high',
            subject: 'Broken',
          })
        ).id,
      (id) => api.command('post', `/tickets/${id}/resolve`, { resolution: 'Fixed' }),
      { status: 'open', priority: 'high' },
      { status: 'resolved', subject: 'Broken' },
    );
  });

  it('GET /campaigns/:id', async () => {
    await checkTimeTravel(
      '/campaigns',
      async () =>
        (
          await api.command('post', '/campaigns', {
            name: 'Spring',
            channel: 'email',
            budget: { amount: 100, currency: 'EUR' },
            startsOn: '2026-03-01',
            endsOn: '2026-06-30',
          })
        ).id,
      (id) => api.command('post', `/campaigns/${id}/members`, { contactIds: [contactId] }),
      { memberCount: 0 },
      { memberCount: 1, name: 'Spring' },
    );
  });

  it('GET /interactions/:id', async () => {
    const ticketId = (
      await api.command('post', '/tickets', {
        contactId,
        channel: 'phone',
        priority: 'low',
        subject: 'Question',
      })
    ).id;
    await checkTimeTravel(
      '/interactions',
      async () =>
        (
          await api.command('post', '/interactions/notes', {
            contactId,
            occurredAt: '2026-04-01T10:00:00.000Z',
            body: 'Called about pricing',
          })
        ).id,
      (id) => api.command('post', `/interactions/${id}/links`, { ticketId }),
      { channel: 'note', contactId },
      { channel: 'note', ticketId },
    );
  });

  it('answers 404 with the kind in the code, and 400 for bad parameters', async () => {
    for (const [path, code] of [
      ['/leads', 'LEAD_NOT_FOUND'],
      ['/tickets', 'TICKET_NOT_FOUND'],
      ['/campaigns', 'CAMPAIGN_NOT_FOUND'],
      ['/interactions', 'INTERACTION_NOT_FOUND'],
    ]) {
      expect((await api.get(`${path}/nothing-here`).expect(404)).body.code).toBe(code);
      const bad = await api.get(`${path}/nothing-here?asOf=soon&minPosition=x`).expect(400);
      expect(fieldsOf(bad.body)).toEqual(['asOf', 'minPosition']);
    }
    expect((await api.get('/leads/bad%20id').expect(400)).body.code).toBe('INVALID_RECORD_ID');
  });
});
