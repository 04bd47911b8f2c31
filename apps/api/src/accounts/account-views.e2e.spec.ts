import { STAGES } from '../../../../test/support/crm-fixtures';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import {
  fieldsOf,
  OTHER_TENANT,
  sleep,
  viewsClient,
  ViewsClient,
} from '../queries/views.e2e-support';

type Entry = { type: string; occurredAt: string; position: number; dealId?: string };

describe('account views API', () => {
  let t: TestApp;
  let api: ViewsClient;
  let accountId: string;
  let contactId: string;
  let openDealId: string;
  let wonDealId: string;

  beforeAll(async () => {
    t = await startTestApp();
    api = viewsClient(t);
    const pipelineId = (await api.command('post', '/pipelines', { name: 'Sales', stages: STAGES }))
      .id;
    accountId = (
      await api.command('post', '/accounts', { name: 'Analytical Engines', ownerId: 'user-7' })
    ).id;
    await api.command('post', `/accounts/${accountId}/tags`, { tag: 'key-account' });
    contactId = (
      await api.command('post', '/contacts', {
        firstName: 'Ada',
        lastName: 'Lovelace',
        emails: [{ address: 'ada@analytical.example' }],
        accountId,
      })
    ).id;
    await api.command('post', '/contacts', { firstName: 'Bea', lastName: 'Babbage', accountId });
    const deal = async (amount: number) =>
      (
        await api.command('post', '/deals', {
          title: `Deal ${amount}`,
          accountId,
          amount: { amount, currency: 'EUR' },
          pipelineId,
          stageId: 'discovery',
          expectedCloseDate: '2027-03-31',
        })
      ).id;
    openDealId = await deal(5000);
    wonDealId = await deal(1200);
    await api.command('post', `/deals/${wonDealId}/stage`, { stageId: 'proposal' });
    await api.command('post', `/deals/${wonDealId}/win`);
    const ticketId = (
      await api.command('post', '/tickets', {
        contactId,
        accountId,
        channel: 'phone',
        priority: 'urgent',
        subject: 'Down',
      })
    ).id;
    await api.command('post', `/tickets/${ticketId}/replies`, {
      author: 'agent',
      authorId: 'agent-1',
      body: 'Looking',
    });
    await api.command('post', '/interactions/calls', {
      contactId,
      accountId,
      occurredAt: '2026-04-01T10:00:00.000Z',
      direction: 'outbound',
      durationSeconds: 60,
      outcome: 'voicemail',
    });
    await api.command('post', '/tasks', {
      title: 'Renewal call',
      dueAt: '2099-01-01T09:00:00.000Z',
      assigneeId: 'user-7',
      relatedTo: { kind: 'account', id: accountId },
    });
    for (const name of ['Initech', 'Initrode', 'Globo [Gym]']) {
      await api.command('post', '/accounts', { name });
    }
  });
  afterAll(() => t.close());

  it('GET /accounts/:id/360 rolls up contacts, deals, lifetime value, tickets, interactions and the next task', async () => {
    const { body } = await api.read(`/accounts/${accountId}/360`).expect(200);
    expect(body.profile).toMatchObject({
      accountId,
      name: 'Analytical Engines',
      tags: ['key-account'],
    });
    expect(body.contacts.map((c: { fullName: string }) => c.fullName)).toEqual([
      'Ada Lovelace',
      'Bea Babbage',
    ]);
    expect(body.deals.open.map((d: { dealId: string }) => d.dealId)).toEqual([openDealId]);
    expect(body.deals.won.map((d: { dealId: string }) => d.dealId)).toEqual([wonDealId]);
    expect(body.lifetimeValue).toEqual({ EUR: 1200 });
    expect(body.openTickets).toEqual([
      expect.objectContaining({
        subject: 'Down',
        sla: expect.objectContaining({
          firstResponse: expect.objectContaining({ state: 'met' }),
          resolution: expect.objectContaining({ state: 'pending-ok' }),
        }),
      }),
    ]);
    expect(body.interactionCounts).toEqual({ call: 1, email: 0, meeting: 0, note: 0, total: 1 });
    expect(body.nextOpenTask).toMatchObject({ title: 'Renewal call', overdue: false });
    expect(body.timeline.entries.length).toBeGreaterThan(0);
  });

  it("GET /accounts/:id/timeline includes its deals' entries, newest first, paged and filtered", async () => {
    const { body } = await api.read(`/accounts/${accountId}/timeline?limit=100`).expect(200);
    const entries = body.entries as Entry[];
    const keys = entries.map((e) => `${e.occurredAt}|${String(e.position).padStart(10, '0')}`);
    expect(keys).toEqual([...keys].sort().reverse());
    expect(entries.filter((e) => e.dealId === wonDealId).map((e) => e.type)).toEqual([
      'DealWon',
      'DealStageMoved',
      'DealOpened',
    ]);
    const first = await api.read(`/accounts/${accountId}/timeline?limit=3`).expect(200);
    const second = await api
      .read(`/accounts/${accountId}/timeline?limit=3&before=${first.body.nextCursor}`)
      .expect(200);
    expect([...first.body.entries, ...second.body.entries]).toEqual(entries.slice(0, 6));
    const won = await api.read(`/accounts/${accountId}/timeline?types=DealWon`).expect(200);
    expect(won.body.entries.map((e: Entry) => e.type)).toEqual(['DealWon']);
  });

  it('GET /accounts lists by name with filters and paging', async () => {
    const names = async (query: string) =>
      (await api.read(`/accounts?${query}`).expect(200)).body.items.map(
        (a: { name: string }) => a.name,
      );
    expect(await names('')).toEqual(['Analytical Engines', 'Globo [Gym]', 'Initech', 'Initrode']);
    expect(await names('name=INIT')).toEqual(['Initech', 'Initrode']);
    expect(await names(`name=${encodeURIComponent('[gym]')}`)).toEqual(['Globo [Gym]']);
    expect(await names('tag=key-account')).toEqual(['Analytical Engines']);
    expect(await names('ownerId=user-7')).toEqual(['Analytical Engines']);
    const page = await api.read('/accounts?limit=2&offset=1').expect(200);
    expect(page.body).toMatchObject({ total: 4, limit: 2, offset: 1 });
    expect(page.body.items.map((a: { name: string }) => a.name)).toEqual([
      'Globo [Gym]',
      'Initech',
    ]);
  });

  it('GET /accounts/:id answers the account now and as of a past moment', async () => {
    const { id } = await api.command('post', '/accounts', { name: 'Old Name Ltd' });
    await sleep(5);
    const before = new Date().toISOString();
    await sleep(5);
    await api.command('post', `/accounts/${id}/tags`, { tag: 'renamed' });
    const now = await api.read(`/accounts/${id}`).expect(200);
    expect(now.body).toMatchObject({ name: 'Old Name Ltd', tags: ['renamed'] });
    const then = await api.read(`/accounts/${id}?asOf=${before}`).expect(200);
    expect(then.body).toMatchObject({ name: 'Old Name Ltd', tags: [] });
  });

  it('GET /accounts/:id/360 answers as of a past moment (asOf)', async () => {
    const { id } = await api.command('post', '/accounts', { name: 'Lunar Society' });
    const then = (await api.read(`/accounts/${id}/360`).expect(200)).body;
    await sleep(5);
    const before = new Date().toISOString();
    await sleep(5);
    await api.command('post', `/accounts/${id}/tags`, { tag: 'birmingham' });
    const now = (await api.read(`/accounts/${id}/360`).expect(200)).body;
    expect(now.profile.tags).toEqual(['birmingham']);
    const past = (await api.read(`/accounts/${id}/360?asOf=${before}`).expect(200)).body;
    expect(past).toEqual(then);
    expect(past.profile.tags).toEqual([]);
  });

  it('answers 404 ACCOUNT_NOT_FOUND, 400 for bad parameters, and nothing to another tenant', async () => {
    for (const path of ['', '/360', '/timeline']) {
      const missing = await api.get(`/accounts/no-such-account${path}`).expect(404);
      expect(missing.body.code).toBe('ACCOUNT_NOT_FOUND');
      await viewsClient(t, OTHER_TENANT).read(`/accounts/${accountId}${path}`).expect(404);
    }
    const bad = await api.get('/accounts?status=deleted&limit=-5&email=x').expect(400);
    expect(fieldsOf(bad.body)).toEqual(['email', 'limit', 'status']);
    const other = await viewsClient(t, OTHER_TENANT).read('/accounts').expect(200);
    expect(other.body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
  });
});
