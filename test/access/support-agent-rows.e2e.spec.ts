import { createAccount, createContact, createPipeline, openDeal } from '../support/crm-fixtures';
import { startTestApp, TENANT, TestApp } from '../support/test-app';

type TicketSummary = { ticketId: string };

/**
 * Two support agents: each sees the tickets assigned to them and the unassigned ones (to claim),
 * never the other agent's, and no deals at all, in every read; commands follow the same rule.
 */
describe('row rules: two support agents', () => {
  let t: TestApp;
  let accountId: string;
  let contactId: string;
  let dealId: string;
  const tickets = { 'agent-a': '', 'agent-b': '', unassigned: '' };
  let head: bigint;

  const agent = (subject: string) => t.as(TENANT, { subject, roles: ['support-agent'] });
  const read = (subject: string, path: string) =>
    agent(subject).get(`${path}${path.includes('?') ? '&' : '?'}minPosition=${head}`);
  const openTicket = async (subject: string): Promise<string> => {
    const response = await t
      .http()
      .post('/tickets')
      .send({ contactId, accountId, channel: 'email', priority: 'high', subject })
      .expect(201);
    return response.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp();
    accountId = await createAccount(t);
    contactId = await createContact(t);
    dealId = await openDeal(t, await createPipeline(t), { accountId, contactId });
    for (const who of ['agent-a', 'agent-b'] as const) {
      tickets[who] = await openTicket(`Printer on fire (${who})`);
      await t.http().post(`/tickets/${tickets[who]}/assign`).send({ agentId: who }).expect(200);
    }
    tickets.unassigned = await openTicket('Nobody has this yet');
    head = await t.head();
  });
  afterAll(() => t.close());

  describe.each(['agent-a', 'agent-b'] as const)('%s', (me) => {
    const other = me === 'agent-a' ? 'agent-b' : 'agent-a';
    const visible = () => [tickets[me], tickets.unassigned].sort();

    it('reads their own and unassigned tickets, and gets 404 for the other agent’s', async () => {
      await read(me, `/tickets/${tickets[me]}`).expect(200);
      await read(me, `/tickets/${tickets.unassigned}`).expect(200);
      const hidden = await read(me, `/tickets/${tickets[other]}`).expect(404);
      expect(hidden.body.code).toBe('TICKET_NOT_FOUND');
    });

    it('lists only those tickets', async () => {
      const list = await read(me, '/tickets').expect(200);
      const ids = list.body.items.map((item: TicketSummary) => item.ticketId).sort();
      expect(ids).toEqual(visible());
      expect(list.body.total).toBe(2);
    });

    it('sees only those tickets, and no deals, in the 360s and timelines', async () => {
      for (const path of [`/contacts/${contactId}`, `/accounts/${accountId}`]) {
        const view = await read(me, `${path}/360`).expect(200);
        const open = (view.body.openTickets as TicketSummary[]).map((s) => s.ticketId);
        expect(open.sort()).toEqual(visible());
        expect(view.body.deals.open).toEqual([]);
        expect(JSON.stringify(view.body)).not.toContain(tickets[other]);
        expect(JSON.stringify(view.body)).not.toContain(dealId);
        const timeline = await read(me, `${path}/timeline?limit=100`).expect(200);
        const entries = timeline.body.entries as { ticketId?: string; dealId?: string }[];
        expect([...new Set(entries.flatMap((e) => e.ticketId ?? []))].sort()).toEqual(visible());
        expect(entries.filter((e) => e.dealId !== undefined)).toEqual([]);
      }
    });

    it('gets the ticket report over their own and unassigned tickets only', async () => {
      const report = await read(me, '/reports/tickets').expect(200);
      expect(report.body.backlogByPriority.high).toBe(2);
    });

    it('cannot reply to the other agent’s ticket (404), nor to an unassigned one (403)', async () => {
      const before = await t.head();
      const reply = { author: 'agent', authorId: me, body: 'On it.' };
      const hidden = await agent(me).post(`/tickets/${tickets[other]}/replies`).send(reply);
      expect(hidden.status).toBe(404);
      const unassigned = await agent(me)
        .post(`/tickets/${tickets.unassigned}/replies`)
        .send(reply)
        .expect(403);
      expect(unassigned.body).toMatchObject({
        code: 'FORBIDDEN',
        details: { permission: 'ticket:reply' },
      });
      expect(await t.head()).toBe(before);
      await agent(me).post(`/tickets/${tickets[me]}/replies`).send(reply).expect(200);
    });
  });

  it('lets an agent claim an unassigned ticket, which the other agent then loses sight of', async () => {
    await agent('agent-a')
      .post(`/tickets/${tickets.unassigned}/assign`)
      .send({ agentId: 'agent-a' })
      .expect(200);
    head = await t.head();
    await read('agent-a', `/tickets/${tickets.unassigned}`).expect(200);
    await read('agent-b', `/tickets/${tickets.unassigned}`).expect(404);
    const report = await read('agent-b', '/reports/tickets').expect(200);
    expect(report.body.backlogByPriority.high).toBe(1);
  });
});
