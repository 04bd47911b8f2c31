import {
  createContact,
  createPipeline,
  openDeal,
  STAGES,
} from '../../../../test/support/crm-fixtures';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import { fieldsOf, OTHER_TENANT, viewsClient, ViewsClient } from './views.e2e-support';

type Page = { items: Record<string, unknown>[]; total: number; nextCursor?: string };

describe('record lists API', () => {
  let t: TestApp;
  let api: ViewsClient;
  let contactId: string;
  let pipelineId: string;
  const leads: Record<string, string> = {};
  const deals: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    api = viewsClient(t);
    contactId = await createContact(t);
    pipelineId = await createPipeline(t);
    const capture = async (name: string, source: string, score: number) => {
      const { id } = await api.command('post', '/leads', {
        source,
        contact: {
          firstName: name,
          lastName: 'Test',
          email: `${name.toLowerCase()}@leads.example`,
        },
      });
      if (score !== 0)
        await api.command('post', `/leads/${id}/score`, { delta: score, reason: 'fit' });
      leads[name] = id;
    };
    await capture('Ann', 'webinar', 30);
    await capture('Bob', 'referral', 10);
    await capture('Cid', 'webinar', 50);
    await capture('Dee', 'webinar', 0);
    await api.command('post', `/leads/${leads.Bob}/qualify`, { note: 'budget confirmed' });
    deals.first = await openDeal(t, pipelineId, {
      title: 'First',
      expectedCloseDate: '2026-03-31',
    });
    deals.second = await openDeal(t, pipelineId, {
      title: 'Second',
      expectedCloseDate: '2026-06-30',
      stageId: STAGES[1].stageId,
    });
    await api.command('post', '/tickets', {
      contactId,
      channel: 'web',
      priority: 'high',
      subject: 'Broken',
    });
    await api.command('post', '/tickets', {
      contactId,
      channel: 'phone',
      priority: 'low',
      subject: 'Question',
    });
    await api.command('post', '/campaigns', {
      name: 'Spring',
      channel: 'email',
      budget: { amount: 100, currency: 'EUR' },
      startsOn: '2026-03-01',
      endsOn: '2026-06-30',
    });
    for (const [occurredAt, body] of [
      ['2026-04-01T10:00:00.000Z', 'first note'],
      ['2026-04-03T10:00:00.000Z', 'third note'],
      ['2026-04-02T10:00:00.000Z', 'second note'],
    ]) {
      await api.command('post', '/interactions/notes', { contactId, occurredAt, body });
    }
  });
  afterAll(() => t.close());

  const page = async (path: string): Promise<Page> =>
    (await api.read(path).expect(200)).body as Page;
  const field = (body: Page, name: string) => body.items.map((item) => item[name]);

  it('GET /leads filters by status, source and score, and sorts', async () => {
    expect((await page('/leads')).total).toBe(4);
    expect(field(await page('/leads?source=webinar&sort=-score'), 'leadId')).toEqual([
      leads.Cid,
      leads.Ann,
      leads.Dee,
    ]);
    expect(field(await page('/leads?status=qualified'), 'leadId')).toEqual([leads.Bob]);
    expect(field(await page('/leads?scoreMin=10&scoreMax=30&sort=score'), 'leadId')).toEqual([
      leads.Bob,
      leads.Ann,
    ]);
    const captured = await page(
      '/leads?capturedFrom=2000-01-01T00:00:00Z&capturedTo=2001-01-01T00:00:00Z',
    );
    expect(captured.total).toBe(0);
  });

  it('pages with a cursor: every item once, in order, while records are added in between', async () => {
    const first = await page('/leads?sort=score&limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    await api.command('post', '/leads', {
      source: 'webinar',
      contact: { firstName: 'Eve', lastName: 'Test', email: 'eve@leads.example' },
    });
    const rest = await page(`/leads?sort=score&limit=10&cursor=${first.nextCursor}`);
    expect(rest.nextCursor).toBeUndefined();
    const seen = [...field(first, 'leadId'), ...field(rest, 'leadId')];
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(Object.values(leads)));
    expect(rest.total).toBe(5);
  });

  it('GET /deals lists summaries by stage and expected close', async () => {
    const all = await page('/deals?sort=expectedCloseDate');
    expect(field(all, 'dealId')).toEqual([deals.first, deals.second]);
    expect(all.items[0]).toMatchObject({ title: 'First', pipelineId, status: 'open' });
    expect(all.items[0]).not.toHaveProperty('stageHistory');
    expect(field(await page(`/deals?stageId=${STAGES[1].stageId}`), 'dealId')).toEqual([
      deals.second,
    ]);
    expect(field(await page('/deals?expectedCloseFrom=2026-04-01'), 'dealId')).toEqual([
      deals.second,
    ]);
  });

  it('GET /tickets, /campaigns, /pipelines and /interactions', async () => {
    const high = await page('/tickets?priority=high');
    expect(field(high, 'subject')).toEqual(['Broken']);
    expect(high.items[0]).toHaveProperty('sla.firstResponse.state');
    // Just opened: nothing is breached yet.
    expect((await page('/tickets?slaBreached=true')).total).toBe(0);
    expect((await page('/tickets?slaBreached=false')).total).toBe(2);
    expect(field(await page('/campaigns?status=active'), 'name')).toEqual(['Spring']);
    expect(field(await page('/pipelines'), 'pipelineId')).toEqual([pipelineId]);
    expect(field(await page(`/interactions?contactId=${contactId}`), 'excerpt')).toEqual([
      'third note',
      'second note',
      'first note',
    ]);
    const range = await page(
      '/interactions?occurredFrom=2026-04-02T00:00:00Z&occurredTo=2026-04-02T23:59:59Z',
    );
    expect(field(range, 'excerpt')).toEqual(['second note']);
  });

  it('shows nothing of another tenant', async () => {
    const other = viewsClient(t, OTHER_TENANT);
    for (const path of [
      '/leads',
      '/deals',
      '/tickets',
      '/campaigns',
      '/pipelines',
      '/interactions',
    ]) {
      expect((await other.read(path).expect(200)).body).toMatchObject({ items: [], total: 0 });
    }
  });

  it('refuses bad filters, sorts and cursors with the offending fields', async () => {
    const bad = await api.get('/leads?status=hot&scoreMin=1e3&sort=name&cursor=nope').expect(400);
    expect(fieldsOf(bad.body)).toEqual(['cursor', 'scoreMin', 'sort', 'status']);
    const flag = await api.get('/tickets?slaBreached=yes').expect(400);
    expect(fieldsOf(flag.body)).toEqual(['slaBreached']);
    const dates = await api.get('/deals?expectedCloseFrom=2026-02-30&ownerId=').expect(400);
    expect(fieldsOf(dates.body)).toEqual(['expectedCloseFrom', 'ownerId']);
    const forged = Buffer.from('["x"]').toString('base64url');
    expect(fieldsOf((await api.get(`/interactions?cursor=${forged}`).expect(400)).body)).toEqual([
      'cursor',
    ]);
  });
});
