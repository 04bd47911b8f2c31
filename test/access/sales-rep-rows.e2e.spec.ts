import {
  createAccount,
  createContact,
  createPipeline,
  openDeal,
  STAGES,
} from '../support/crm-fixtures';
import { startTestApp, TENANT, TestApp } from '../support/test-app';

type Records = { open: string; won: string; lead: string };

/** Every deal id a JSON answer mentions, whatever its shape. */
const mentions = (body: unknown, ids: readonly string[]): string[] =>
  ids.filter((id) => JSON.stringify(body).includes(id));

/**
 * Two sales reps in one tenant, with deals on the same account and contact and a lead each: the
 * row rule `ownerId = caller` keeps each to their own records in every read and every command.
 */
describe('row rules: two sales reps', () => {
  let t: TestApp;
  let pipelineId: string;
  let accountId: string;
  let contactId: string;
  const records: Record<'rep-a' | 'rep-b', Records> = {
    'rep-a': { open: '', won: '', lead: '' },
    'rep-b': { open: '', won: '', lead: '' },
  };
  let head: bigint;

  const rep = (subject: string) => t.as(TENANT, { subject, roles: ['sales-rep'] });
  /** A read once the read models hold everything written so far. */
  const read = (subject: string, path: string) =>
    rep(subject).get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${head}`);
  const all = () => Object.values(records).flatMap((r) => [r.open, r.won, r.lead]);
  const own = (subject: 'rep-a' | 'rep-b') => Object.values(records[subject]);

  beforeAll(async () => {
    t = await startTestApp();
    pipelineId = await createPipeline(t);
    accountId = await createAccount(t);
    contactId = await createContact(t);
    for (const ownerId of ['rep-a', 'rep-b'] as const) {
      const on = { ownerId, accountId, contactId };
      records[ownerId].open = await openDeal(t, pipelineId, on);
      records[ownerId].won = await openDeal(t, pipelineId, {
        ...on,
        amount: { amount: ownerId === 'rep-a' ? 1000 : 7000, currency: 'EUR' },
      });
      await t.http().post(`/deals/${records[ownerId].won}/win`).send({}).expect(200);
      const lead = await t
        .http()
        .post('/leads')
        .send({
          source: 'web',
          ownerId,
          contact: { firstName: 'Lead', lastName: ownerId, email: `${ownerId}@lead.example` },
        })
        .expect(201);
      records[ownerId].lead = lead.body.id as string;
    }
    head = await t.head();
  });
  afterAll(() => t.close());

  describe.each(['rep-a', 'rep-b'] as const)('%s', (me) => {
    const other = me === 'rep-a' ? 'rep-b' : 'rep-a';

    it('reads their own deals and leads and gets 404 for the other rep’s', async () => {
      for (const id of [records[me].open, records[me].won]) {
        expect((await read(me, `/deals/${id}`).expect(200)).body.deal.dealId).toBe(id);
        await read(me, `/deals/${id}/timeline`).expect(200);
      }
      expect((await read(me, `/leads/${records[me].lead}`).expect(200)).body.ownerId).toBe(me);
      for (const id of [records[other].open, records[other].won]) {
        expect((await read(me, `/deals/${id}`).expect(404)).body.code).toBe('DEAL_NOT_FOUND');
        await read(me, `/deals/${id}/timeline`).expect(404);
        const asOf = new Date().toISOString();
        await read(me, `/deals/${id}?asOf=${asOf}`).expect(404);
      }
      const lead = await read(me, `/leads/${records[other].lead}`).expect(404);
      expect(lead.body.code).toBe('LEAD_NOT_FOUND');
    });

    it('lists only their own deals and leads', async () => {
      const deals = await read(me, '/deals').expect(200);
      const dealIds = deals.body.items.map((d: { dealId: string }) => d.dealId).sort();
      expect(dealIds).toEqual([records[me].open, records[me].won].sort());
      expect(deals.body.total).toBe(2);
      const leads = await read(me, '/leads').expect(200);
      expect(leads.body.items.map((l: { leadId: string }) => l.leadId)).toEqual([records[me].lead]);
      expect(leads.body.total).toBe(1);
      const theirs = await read(me, `/deals?ownerId=${other}`).expect(200);
      expect(theirs.body).toMatchObject({ items: [], total: 0 });
    });

    it('sees only their own open deals on the board, without asking for an owner', async () => {
      const board = await read(me, `/pipelines/${pipelineId}/board`).expect(200);
      expect(mentions(board.body, all())).toEqual([records[me].open]);
      expect(board.body.totals.count).toBe(1);
    });

    it('sees only their own deals in the account and contact 360s and timelines', async () => {
      for (const path of [`/accounts/${accountId}`, `/contacts/${contactId}`]) {
        const view = await read(me, `${path}/360`).expect(200);
        expect(view.body.deals.open.map((d: { dealId: string }) => d.dealId)).toEqual([
          records[me].open,
        ]);
        expect(view.body.deals.won.map((d: { dealId: string }) => d.dealId)).toEqual([
          records[me].won,
        ]);
        expect(view.body.lifetimeValue).toEqual({ EUR: me === 'rep-a' ? 1000 : 7000 });
        expect(mentions(view.body, all())).toEqual(
          expect.arrayContaining([records[me].open, records[me].won]),
        );
        expect(mentions(view.body, own(other))).toEqual([]);
        const timeline = await read(me, `${path}/timeline?limit=100`).expect(200);
        const dealIds = new Set(
          (timeline.body.entries as { dealId?: string }[]).flatMap((e) => e.dealId ?? []),
        );
        expect([...dealIds].sort()).toEqual([records[me].open, records[me].won].sort());
      }
    });

    it('sees only their own deals in the 360s and reports asOf a moment too', async () => {
      const asOf = new Date().toISOString();
      for (const path of [`/accounts/${accountId}`, `/contacts/${contactId}`]) {
        const view = await read(me, `${path}/360?asOf=${asOf}`).expect(200);
        expect(view.body.deals.won.map((d: { dealId: string }) => d.dealId)).toEqual([
          records[me].won,
        ]);
        expect(mentions(view.body, own(other))).toEqual([]);
      }
      const winRate = await read(me, `/reports/win-rate?asOf=${asOf}`).expect(200);
      expect(winRate.body.owners.map((o: { ownerId: string }) => o.ownerId)).toEqual([me]);
      const funnel = await read(me, `/reports/lead-funnel?asOf=${asOf}`).expect(200);
      expect(funnel.body.total.captured).toBe(1);
    });

    it('gets reports over their own deals and leads only', async () => {
      const winRate = await read(me, '/reports/win-rate').expect(200);
      expect(winRate.body.owners.map((o: { ownerId: string }) => o.ownerId)).toEqual([me]);
      const forecast = await read(me, '/reports/forecast').expect(200);
      expect(forecast.body.rows.reduce((n: number, r: { deals: number }) => n + r.deals, 0)).toBe(
        1,
      );
      const revenue = await read(me, '/reports/revenue-by-month').expect(200);
      expect(JSON.stringify(revenue.body)).not.toContain(me === 'rep-a' ? '7000' : '1000');
      const funnel = await read(me, '/reports/lead-funnel').expect(200);
      expect(funnel.body.total.captured).toBe(1);
      const conversion = await read(me, `/reports/stage-conversion?pipelineId=${pipelineId}`);
      expect(conversion.status).toBe(200);
      expect(conversion.body.stages[0]).toMatchObject({ stageId: STAGES[0].stageId, entered: 2 });
    });

    it('cannot change the other rep’s deal or lead: 404, nothing appended', async () => {
      const before = await t.head();
      const moved = await rep(me)
        .post(`/deals/${records[other].open}/stage`)
        .send({ stageId: STAGES[1].stageId })
        .expect(404);
      expect(moved.body.code).toBe('DEAL_NOT_FOUND');
      // Not even a reference to a missing quote (422 on a deal one may see) gives it away.
      const quoted = await rep(me)
        .post(`/deals/${records[other].open}/amount-from-quote`)
        .send({ quoteId: 'no-such-quote' });
      expect({ status: quoted.status, code: quoted.body.code }).toEqual({
        status: 404,
        code: 'DEAL_NOT_FOUND',
      });
      await rep(me)
        .post(`/leads/${records[other].lead}/score`)
        .send({ delta: 5, reason: 'nudge' })
        .expect(404);
      expect(await t.head()).toBe(before);
    });
  });

  it('lets a rep change their own records, and refuses once the record is someone else’s', async () => {
    await rep('rep-a')
      .post(`/leads/${records['rep-a'].lead}/score`)
      .send({ delta: 5, reason: 'replied' })
      .expect(200);
    // The rule is checked on the lead as it is when the command is decided, not as it was.
    await t
      .http()
      .post(`/leads/${records['rep-a'].lead}/assign`)
      .send({ ownerId: 'rep-b' })
      .expect(200);
    const before = await t.head();
    await rep('rep-a')
      .post(`/leads/${records['rep-a'].lead}/score`)
      .send({ delta: 5, reason: 'replied' })
      .expect(404);
    expect(await t.head()).toBe(before);
    await rep('rep-b')
      .post(`/leads/${records['rep-a'].lead}/score`)
      .send({ delta: 5, reason: 'took over' })
      .expect(200);
  });

  it('answers 403 naming the permission for an unowned lead a rep may see and claim but not score', async () => {
    const captured = await t
      .http()
      .post('/leads')
      .send({
        source: 'fair',
        contact: { firstName: 'Free', lastName: 'Lead', email: 'free@lead.example' },
      })
      .expect(201);
    const id = captured.body.id as string;
    await rep('rep-a')
      .get(`/leads/${id}?minPosition=${captured.body.position as string}`)
      .expect(200);
    const before = await t.head();
    const scored = await rep('rep-a')
      .post(`/leads/${id}/score`)
      .send({ delta: 5, reason: 'eager' })
      .expect(403);
    expect(scored.body).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'lead:score' } });
    expect(await t.head()).toBe(before);
    await rep('rep-a').post(`/leads/${id}/assign`).send({ ownerId: 'rep-a' }).expect(200);
    await rep('rep-a').post(`/leads/${id}/score`).send({ delta: 5, reason: 'eager' }).expect(200);
  });
});
