import { startTestApp, TestApp } from './support/test-app';

type Case = {
  kind: string;
  create: [path: string, body: object];
  assign: (id: string) => string;
  field: 'ownerId' | 'agentId';
  /** The read model's name for the cleared field. */
  viewField: 'ownerId' | 'assigneeId';
  event: string;
};

const CASES: Case[] = [
  {
    kind: 'lead',
    create: [
      '/leads',
      { source: 'web', contact: { firstName: 'Li', lastName: 'Owner', email: 'li@x.example' } },
    ],
    assign: (id) => `/leads/${id}/assign`,
    field: 'ownerId',
    viewField: 'ownerId',
    event: 'LeadUnassigned',
  },
  {
    kind: 'account',
    create: ['/accounts', { name: 'Owned Ltd' }],
    assign: (id) => `/accounts/${id}/owner`,
    field: 'ownerId',
    viewField: 'ownerId',
    event: 'AccountOwnerUnassigned',
  },
  {
    kind: 'contact',
    create: ['/contacts', { firstName: 'Otto', lastName: 'Owned' }],
    assign: (id) => `/contacts/${id}/owner`,
    field: 'ownerId',
    viewField: 'ownerId',
    event: 'ContactOwnerUnassigned',
  },
];

/** `null` clears an owner or an agent: the event records it, the read model shows it gone. */
describe('clearing owners and agents', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const contact = await t
      .http()
      .post('/contacts')
      .send({ firstName: 'Tina', lastName: 'Ticket' })
      .expect(201);
    CASES.push({
      kind: 'ticket',
      create: [
        '/tickets',
        { contactId: contact.body.id, channel: 'email', priority: 'normal', subject: 'Help' },
      ],
      assign: (id) => `/tickets/${id}/assign`,
      field: 'agentId',
      viewField: 'assigneeId',
      event: 'TicketUnassigned',
    });
  });
  afterAll(() => t.close());

  const lastEvent = async (kind: string, id: string) => {
    const { body } = await t.http().get(`/audit/${kind}/${id}`).expect(200);
    return body.events[body.events.length - 1] as { type: string; data: object };
  };

  it('clears the owner or agent of a lead, an account, a contact and a ticket', async () => {
    expect(CASES).toHaveLength(4);
    for (const c of CASES) {
      const { body: created } = await t.http().post(c.create[0]).send(c.create[1]).expect(201);
      await t
        .http()
        .post(c.assign(created.id))
        .send({ [c.field]: 'user-9' })
        .expect(200);
      const cleared = await t
        .http()
        .post(c.assign(created.id))
        .send({ [c.field]: null })
        .expect(200);
      expect({ kind: c.kind, appended: cleared.body.appended }).toEqual({
        kind: c.kind,
        appended: 1,
      });
      const event = await lastEvent(c.kind, created.id);
      expect(event.type).toBe(c.event);
      expect(Object.values(event.data)).toContain('user-9');
      const view = await t
        .http()
        .get(`/${c.kind}s/${created.id}`)
        .query({ minPosition: cleared.body.position })
        .expect(200);
      expect({ kind: c.kind, view: view.body }).not.toHaveProperty(`view.${c.viewField}`);

      // Clearing what is already clear appends nothing.
      const again = await t
        .http()
        .post(c.assign(created.id))
        .send({ [c.field]: null })
        .expect(200);
      expect({ kind: c.kind, appended: again.body.appended }).toEqual({
        kind: c.kind,
        appended: 0,
      });
    }
  });

  it('still needs the field: left out, or empty, it is refused and nothing is appended', async () => {
    for (const c of CASES) {
      const { body: created } = await t.http().post(c.create[0]).send(c.create[1]).expect(201);
      const before = await t.head();
      for (const body of [{}, { [c.field]: '' }, { [c.field]: 7 }]) {
        const refused = await t.http().post(c.assign(created.id)).send(body).expect(400);
        expect(refused.body.code).toBe('VALIDATION_FAILED');
        expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual([c.field]);
      }
      expect(await t.head()).toBe(before);
    }
  });

  it('does not accept null where clearing means nothing: a task keeps its assignee', async () => {
    const before = await t.head();
    const refused = await t
      .http()
      .post('/tasks')
      .send({ title: 'Call', dueAt: '2099-01-01T09:00:00.000Z', assigneeId: null })
      .expect(400);
    expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual(['assigneeId']);
    expect(await t.head()).toBe(before);
  });
});
