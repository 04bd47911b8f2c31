import { STAGES } from '../../../../test/support/crm-fixtures';
import { startTestApp, TestApp } from '../../../../test/support/test-app';
import {
  fieldsOf,
  OTHER_TENANT,
  sleep,
  viewsClient,
  ViewsClient,
} from '../queries/views.e2e-support';

type Entry = { type: string; occurredAt: string; position: number; eventId: string };

describe('contact views API', () => {
  let t: TestApp;
  let api: ViewsClient;
  let contactId: string;
  let accountId: string;
  let dealIds: { open: string; won: string; wonUsd: string; lost: string };
  let ticketIds: { answered: string; waiting: string };

  beforeAll(async () => {
    t = await startTestApp();
    api = viewsClient(t);
    const pipelineId = (await api.command('post', '/pipelines', { name: 'Sales', stages: STAGES }))
      .id;
    accountId = (await api.command('post', '/accounts', { name: 'Analytical Engines' })).id;
    contactId = (
      await api.command('post', '/contacts', {
        firstName: 'Ada',
        lastName: 'Lovelace',
        emails: [{ address: 'ada@analytical.example' }],
        accountId,
        ownerId: 'user-7',
      })
    ).id;
    await api.command('post', `/contacts/${contactId}/tags`, { tag: 'vip' });
    await api.command('put', `/contacts/${contactId}/custom-fields/tier`, { value: 'gold' });
    await api.command('post', `/contacts/${contactId}/consents`, {
      channel: 'email',
      status: 'opted_in',
      source: 'web form',
    });

    const deal = async (amount: number, currency: string) =>
      (
        await api.command('post', '/deals', {
          title: `Deal ${amount} ${currency}`,
          contactId,
          amount: { amount, currency },
          pipelineId,
          stageId: 'discovery',
          expectedCloseDate: '2027-03-31',
        })
      ).id;
    dealIds = {
      open: await deal(5000, 'EUR'),
      won: await deal(1500, 'EUR'),
      wonUsd: await deal(200, 'USD'),
      lost: await deal(700, 'EUR'),
    };
    await api.command('post', `/deals/${dealIds.won}/win`);
    await api.command('post', `/deals/${dealIds.wonUsd}/win`);
    await api.command('post', `/deals/${dealIds.lost}/lose`, { reason: 'budget' });

    const ticket = async (priority: string) =>
      (
        await api.command('post', '/tickets', {
          contactId,
          channel: 'email',
          priority,
          subject: `A ${priority} problem`,
        })
      ).id;
    ticketIds = { answered: await ticket('urgent'), waiting: await ticket('low') };
    await api.command('post', `/tickets/${ticketIds.answered}/replies`, {
      author: 'agent',
      authorId: 'agent-1',
      body: 'On it',
    });

    const task = async (title: string, dueAt: string) =>
      (
        await api.command('post', '/tasks', {
          title,
          dueAt,
          assigneeId: 'user-7',
          relatedTo: { kind: 'contact', id: contactId },
        })
      ).id;
    await task('Later', '2099-02-01T09:00:00.000Z');
    await task('Next', '2099-01-01T09:00:00.000Z');
    const done = await task('Done', '2098-01-01T09:00:00.000Z');
    await api.command('post', `/tasks/${done}/complete`);

    const campaignId = (
      await api.command('post', '/campaigns', {
        name: 'Spring webinar',
        channel: 'webinar',
        budget: { amount: 1000, currency: 'EUR' },
        startsOn: '2026-03-01',
        endsOn: '2026-06-30',
      })
    ).id;
    await api.command('post', `/campaigns/${campaignId}/members`, { contactIds: [contactId] });
    await api.command('post', `/campaigns/${campaignId}/touches`, {
      contactId,
      touch: 'opened',
      occurredAt: '2026-03-02T10:00:00.000Z',
    });

    await api.command('post', '/interactions/calls', {
      contactId,
      dealId: dealIds.open,
      occurredAt: '2026-04-01T10:00:00.000Z',
      direction: 'outbound',
      durationSeconds: 300,
      outcome: 'connected',
    });
    await api.command('post', '/interactions/emails', {
      contactId,
      occurredAt: '2026-04-02T10:00:00.000Z',
      direction: 'inbound',
      subject: 'Re: proposal',
    });
    await api.command('post', '/interactions/notes', {
      contactId,
      occurredAt: '2026-04-03T10:00:00.000Z',
      body: 'Wants a discount',
    });
  });
  afterAll(() => t.close());

  describe('GET /contacts/:id/360', () => {
    it('gathers profile, account, deals, lifetime value, tickets, campaigns, interactions and the next task', async () => {
      const { body } = await api.read(`/contacts/${contactId}/360`).expect(200);
      expect(body.profile).toMatchObject({ contactId, fullName: 'Ada Lovelace', tags: ['vip'] });
      expect(body.profile).not.toHaveProperty('_id');
      expect(body.account).toEqual({ accountId, name: 'Analytical Engines', status: 'active' });
      expect(body).toMatchObject({
        ownerId: 'user-7',
        tags: ['vip'],
        customFields: { tier: 'gold' },
        consents: { email: { status: 'opted_in', source: 'web form' } },
        lead: null,
        mergedContactIds: [],
      });
      expect(body.deals.open.map((d: { dealId: string }) => d.dealId)).toEqual([dealIds.open]);
      expect(body.deals.won.map((d: { dealId: string }) => d.dealId).sort()).toEqual(
        [dealIds.won, dealIds.wonUsd].sort(),
      );
      expect(body.deals.lost).toEqual([
        expect.objectContaining({
          dealId: dealIds.lost,
          amount: { amount: 700, currency: 'EUR' },
          lostReason: 'budget',
        }),
      ]);
      expect(body.lifetimeValue).toEqual({ EUR: 1500, USD: 200 });
      expect(body.campaigns).toEqual([
        expect.objectContaining({
          name: 'Spring webinar',
          active: true,
          touchCounts: { sent: 0, opened: 1, clicked: 0, responded: 0 },
        }),
      ]);
      expect(body.interactionCounts).toEqual({ call: 1, email: 1, meeting: 0, note: 1, total: 3 });
      expect(body.lastInteraction).toMatchObject({ channel: 'note', excerpt: 'Wants a discount' });
      expect(body.nextOpenTask).toMatchObject({
        title: 'Next',
        dueAt: '2099-01-01T09:00:00.000Z',
        overdue: false,
      });
    });

    it('shows the open tickets with their SLA state', async () => {
      const { body } = await api.read(`/contacts/${contactId}/360`).expect(200);
      const sla = Object.fromEntries(
        body.openTickets.map(
          (ticket: {
            ticketId: string;
            sla: { firstResponse: { state: string }; resolution: { state: string } };
          }) => [ticket.ticketId, [ticket.sla.firstResponse.state, ticket.sla.resolution.state]],
        ),
      );
      expect(sla).toEqual({
        [ticketIds.answered]: ['met', 'pending-ok'],
        [ticketIds.waiting]: ['pending-ok', 'pending-ok'],
      });
    });

    it('answers as of a past moment with everything as it was then (asOf)', async () => {
      const { id } = await api.command('post', '/contacts', {
        firstName: 'Caroline',
        lastName: 'Herschel',
      });
      const then = (await api.read(`/contacts/${id}/360`).expect(200)).body;
      await sleep(5);
      const before = new Date().toISOString();
      await sleep(5);
      await api.command('post', `/contacts/${id}/tags`, { tag: 'comets' });
      await api.command('patch', `/contacts/${id}`, { title: 'Astronomer' });
      const now = (await api.read(`/contacts/${id}/360`).expect(200)).body;
      expect(now.tags).toEqual(['comets']);
      expect(now.profile.title).toBe('Astronomer');

      const past = (await api.read(`/contacts/${id}/360?asOf=${before}`).expect(200)).body;
      expect(past).toEqual(then);
      expect(past.tags).toEqual([]);
      expect(past.profile).not.toHaveProperty('title');
      const unborn = await api.get(`/contacts/${id}/360?asOf=2020-01-01T00:00:00Z`).expect(404);
      expect(unborn.body.code).toBe('CONTACT_NOT_FOUND');
    });

    it('ends with the latest timeline entries (at most 20), newest first', async () => {
      const { body } = await api.read(`/contacts/${contactId}/360`).expect(200);
      expect(body.timeline.entries.length).toBeGreaterThan(10);
      expect(body.timeline.entries.length).toBeLessThanOrEqual(20);
      const { body: page } = await api.read(`/contacts/${contactId}/timeline?limit=20`).expect(200);
      expect(body.timeline).toEqual(page);
    });
  });

  describe('GET /contacts/:id/timeline', () => {
    const allEntries = async (query: string, limit: number): Promise<Entry[][]> => {
      const pages: Entry[][] = [];
      let cursor: string | null = null;
      do {
        const before: string = cursor === null ? '' : `&before=${cursor}`;
        const { body } = await api
          .read(`/contacts/${contactId}/timeline?limit=${limit}${query}${before}`)
          .expect(200);
        pages.push(body.entries);
        cursor = body.nextCursor;
      } while (cursor !== null && pages.length < 50);
      return pages;
    };

    it('is newest first, with deal and ticket entries joined in', async () => {
      const { body } = await api.read(`/contacts/${contactId}/timeline?limit=100`).expect(200);
      const entries = body.entries as Entry[];
      expect(body.nextCursor).toBeNull();
      const keys = entries.map((e) => `${e.occurredAt}|${String(e.position).padStart(10, '0')}`);
      expect(keys).toEqual([...keys].sort().reverse());
      const types = entries.map((e) => e.type);
      expect(types).toEqual(
        expect.arrayContaining(['ContactCreated', 'DealWon', 'DealLost', 'TicketReplied']),
      );
      expect(types.filter((type) => type === 'DealWon')).toHaveLength(2);
    });

    it('pages by cursor through the same entries', async () => {
      const { body } = await api.read(`/contacts/${contactId}/timeline?limit=100`).expect(200);
      const pages = await allEntries('', 4);
      expect(pages.length).toBeGreaterThan(2);
      expect(pages.slice(0, -1).every((page) => page.length === 4)).toBe(true);
      expect(pages.flat()).toEqual(body.entries);
    });

    it('filters by event type (comma-separated or repeated)', async () => {
      const entries = (await allEntries('&types=CallLogged,NoteLogged,DealWon', 2)).flat();
      // The deals were won today; the interactions happened in April.
      expect(entries.map((e) => e.type)).toEqual([
        'DealWon',
        'DealWon',
        'NoteLogged',
        'CallLogged',
      ]);
      const { body } = await api
        .read(`/contacts/${contactId}/timeline?types=EmailLogged&types=NoteLogged`)
        .expect(200);
      expect(body.entries.map((e: Entry) => e.type)).toEqual(['NoteLogged', 'EmailLogged']);
    });
  });

  describe('GET /contacts', () => {
    beforeAll(async () => {
      for (const [firstName, lastName, email] of [
        ['Grace', 'Hopper (RADM)', 'grace@navy.example'],
        ['Alan', 'Turing', 'alan@bletchley.example'],
        ['Alonzo', 'Church', 'alonzo@princeton.example'],
      ]) {
        const { id } = await api.command('post', '/contacts', {
          firstName,
          lastName,
          emails: [{ address: email }],
        });
        await api.command('post', `/contacts/${id}/tags`, { tag: 'pioneer' });
      }
    });

    it('filters by tag, lists by name and pages with the total', async () => {
      const { body } = await api.read('/contacts?tag=pioneer&limit=2').expect(200);
      expect(body).toMatchObject({ total: 3, limit: 2, offset: 0 });
      expect(body.items.map((c: { fullName: string }) => c.fullName)).toEqual([
        'Alan Turing',
        'Alonzo Church',
      ]);
      const next = await api.read('/contacts?tag=pioneer&limit=2&offset=2').expect(200);
      expect(next.body.items.map((c: { fullName: string }) => c.fullName)).toEqual([
        'Grace Hopper (RADM)',
      ]);
    });

    it('finds by name (any case, literally), exact email, owner and account', async () => {
      const names = async (query: string) =>
        (await api.read(`/contacts?${query}`).expect(200)).body.items.map(
          (c: { fullName: string }) => c.fullName,
        );
      expect(await names('name=AL')).toEqual(['Alan Turing', 'Alonzo Church']);
      expect(await names(`name=${encodeURIComponent('(radm)')}`)).toEqual(['Grace Hopper (RADM)']);
      expect(await names(`name=${encodeURIComponent('.*')}`)).toEqual([]);
      expect(await names('email=GRACE@navy.example')).toEqual(['Grace Hopper (RADM)']);
      expect(await names('ownerId=user-7')).toEqual(['Ada Lovelace']);
      expect(await names(`accountId=${accountId}`)).toEqual(['Ada Lovelace']);
    });
  });

  describe('GET /contacts/:id', () => {
    it('answers the contact, and as of a past moment its old values', async () => {
      const { id } = await api.command('post', '/contacts', {
        firstName: 'Mary',
        lastName: 'Somerville',
        title: 'Writer',
      });
      await sleep(5);
      const before = new Date().toISOString();
      await sleep(5);
      await api.command('patch', `/contacts/${id}`, { lastName: 'Fairfax', title: 'Scientist' });
      await api.command('post', `/contacts/${id}/tags`, { tag: 'astronomy' });

      const now = await api.read(`/contacts/${id}`).expect(200);
      expect(now.body).toMatchObject({
        fullName: 'Mary Fairfax',
        title: 'Scientist',
        tags: ['astronomy'],
      });
      expect(now.body).not.toHaveProperty('_id');
      const then = await api.read(`/contacts/${id}?asOf=${before}`).expect(200);
      expect(then.body).toMatchObject({ fullName: 'Mary Somerville', title: 'Writer', tags: [] });
      const beforeCreation = await api.get(`/contacts/${id}?asOf=2020-01-01T00:00:00Z`).expect(404);
      expect(beforeCreation.body.code).toBe('CONTACT_NOT_FOUND');
    });
  });

  it('answers 404 CONTACT_NOT_FOUND for an unknown contact', async () => {
    for (const path of ['', '/360', '/timeline']) {
      const { body } = await api.get(`/contacts/no-such-contact${path}`).expect(404);
      expect(body).toMatchObject({ statusCode: 404, code: 'CONTACT_NOT_FOUND' });
    }
  });

  it('refuses bad query parameters with 400 and the offending fields', async () => {
    const refused = async (path: string) => (await api.get(path).expect(400)).body;
    const list = await refused('/contacts?limit=0&offset=-1&colour=red&status=gone');
    expect(list.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(list)).toEqual(['colour', 'limit', 'offset', 'status']);
    expect(fieldsOf(await refused('/contacts?limit=201'))).toEqual(['limit']);
    expect(fieldsOf(await refused('/contacts?limit=ten'))).toEqual(['limit']);
    expect(fieldsOf(await refused(`/contacts/${contactId}?asOf=yesterday`))).toEqual(['asOf']);
    expect(fieldsOf(await refused(`/contacts/${contactId}/360?minPosition=-1`))).toEqual([
      'minPosition',
    ]);
    expect(fieldsOf(await refused(`/contacts/${contactId}/360?asOf=last-week`))).toEqual(['asOf']);
    expect(
      fieldsOf(await refused(`/contacts/${contactId}/timeline?before=garbage&limit=101&types=x y`)),
    ).toEqual(['before', 'limit', 'types']);
    expect((await refused('/contacts/bad%20id/360')).code).toBe('INVALID_RECORD_ID');
    expect((await t.bare().get(`/contacts/${contactId}`).expect(401)).body.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('shows nothing of one tenant to another', async () => {
    const other = viewsClient(t, OTHER_TENANT);
    for (const path of ['', '/360', '/timeline']) {
      await other.read(`/contacts/${contactId}${path}`).expect(404);
    }
    const { body } = await other.read('/contacts?tag=vip').expect(200);
    expect(body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
    const { id } = await other.command('post', '/contacts', {
      firstName: 'Ada',
      lastName: 'Other',
    });
    const mine = await other.read('/contacts').expect(200);
    expect(mine.body.items.map((c: { contactId: string }) => c.contactId)).toEqual([id]);
    expect(mine.body.total).toBe(1);
  });
});
