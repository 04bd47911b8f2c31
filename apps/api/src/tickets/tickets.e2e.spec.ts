import { createContact, registerAccount } from '../../../../test/support/direct-commands';
import { startTestApp, TestApp } from '../../../../test/support/test-app';

type FieldError = { field: string; errors: string[] };
type Body = Record<string, unknown> & { fields?: FieldError[] };
const fieldsOf = (body: Body): string[] => (body.fields ?? []).map((f) => f.field).sort();

const MINUTE = 60_000;
const plusMinutes = (at: string, minutes: number): string =>
  new Date(Date.parse(at) + minutes * MINUTE).toISOString();

describe('tickets API', () => {
  let t: TestApp;
  let contactId: string;
  beforeAll(async () => {
    t = await startTestApp();
    contactId = await createContact(t);
  });
  afterAll(() => t.close());

  const open = (body: Record<string, unknown> = {}) =>
    t
      .http()
      .post('/tickets')
      .send({ contactId, channel: 'email', priority: 'normal', subject: 'Cannot log in', ...body });
  const act = (id: string, action: string, body: Record<string, unknown> = {}) =>
    t.http().post(`/tickets/${id}/${action}`).send(body);
  const audit = async (id: string) =>
    (await t.http().get(`/audit/ticket/${id}`).expect(200)).body.events;
  const openedId = async (body: Record<string, unknown> = {}): Promise<string> =>
    (await open(body).expect(201)).body.id;

  /** Sends a request that must be refused, checks status and nothing appended, returns the body. */
  const refused = async (
    send: () => PromiseLike<{ status: number; body: Body }>,
    status: number,
  ) => {
    const before = await t.head();
    const response = await send();
    expect(response.status).toBe(status);
    expect(await t.head()).toBe(before);
    return response.body;
  };

  describe('POST /tickets', () => {
    it('opens a ticket and answers with id, revision, position and ETag', async () => {
      const accountId = await registerAccount(t);
      const response = await open({
        id: 'ticket-1',
        accountId,
        description: 'Since Monday',
      }).expect(201);
      expect(response.body).toEqual({
        id: 'ticket-1',
        revision: 0,
        position: expect.stringMatching(/^\d+$/),
        appended: 1,
      });
      expect(response.headers.etag).toBe('"0"');
      const [opened] = await audit('ticket-1');
      expect(opened.type).toBe('TicketOpened');
      expect(opened.data).toEqual({
        ticketId: 'ticket-1',
        contactId,
        accountId,
        channel: 'email',
        priority: 'normal',
        subject: 'Cannot log in',
        description: 'Since Monday',
        openedAt: expect.any(String),
        sla: expect.any(Object),
      });
    });

    it.each([
      ['low', 1440, 7200],
      ['normal', 480, 2880],
      ['high', 120, 1440],
      ['urgent', 30, 480],
    ])('records the SLA targets of a %s ticket', async (priority, firstResponse, resolution) => {
      const id = await openedId({ priority });
      const [opened] = await audit(id);
      const { openedAt } = opened.data;
      expect(Date.parse(openedAt)).toBeGreaterThan(Date.now() - MINUTE);
      expect(opened.data.sla).toEqual({
        priority,
        firstResponseMinutes: firstResponse,
        resolutionMinutes: resolution,
        firstResponseDueAt: plusMinutes(openedAt, firstResponse),
        resolutionDueAt: plusMinutes(openedAt, resolution),
      });
    });

    it('lists every wrong, missing and unknown field', async () => {
      const body = await refused(
        () =>
          t.http().post('/tickets').send({
            contactId: 'bad id!',
            accountId: null,
            priority: 'critical',
            subject: '',
            tags: [],
          }),
        400,
      );
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(body)).toEqual([
        'accountId',
        'channel',
        'contactId',
        'priority',
        'subject',
        'tags',
      ]);
    });

    it('refuses a contact or an account that does not exist', async () => {
      const noContact = await refused(() => open({ contactId: 'no-such-contact' }), 422);
      expect(noContact).toMatchObject({
        code: 'REFERENCE_NOT_FOUND',
        fields: [{ field: 'contactId', errors: ['contact no-such-contact does not exist'] }],
      });
      const noAccount = await refused(() => open({ accountId: 'no-such-account' }), 422);
      expect(noAccount).toMatchObject({
        code: 'REFERENCE_NOT_FOUND',
        fields: [{ field: 'accountId' }],
      });
    });

    it('refuses an id that is already taken with 409', async () => {
      await open({ id: 'ticket-taken' }).expect(201);
      const body = await refused(() => open({ id: 'ticket-taken' }), 409);
      expect(body.code).toBe('TICKET_ALREADY_EXISTS');
    });
  });

  describe('the ticket lifecycle', () => {
    it('assigns, replies, reprioritises, escalates, resolves, reopens and closes', async () => {
      const id = await openedId({ priority: 'low' });
      const steps: [string, Record<string, unknown>][] = [
        ['assign', { agentId: 'agent-7' }],
        ['replies', { author: 'customer', authorId: contactId, body: 'Any news?' }],
        ['replies', { author: 'agent', authorId: 'agent-7', body: 'Looking into it' }],
        ['replies', { author: 'agent', authorId: 'agent-7', body: 'Found it' }],
        ['priority', { priority: 'urgent' }],
        ['escalate', { reason: 'VIP customer' }],
        ['escalate', { reason: 'Still blocked' }],
        ['resolve', { resolution: 'Password reset' }],
        ['reopen', { reason: 'Locked out again' }],
        ['resolve', { resolution: 'SSO fixed' }],
        ['close', {}],
      ];
      for (const [index, [action, body]] of steps.entries()) {
        const response = await act(id, action, body).expect(200);
        expect(response.body).toMatchObject({ id, revision: index + 1, appended: 1 });
        expect(response.headers.etag).toBe(`"${index + 1}"`);
      }

      const events = await audit(id);
      expect(events.map((e: { type: string }) => e.type)).toEqual([
        'TicketOpened',
        'TicketAssigned',
        'TicketReplied',
        'TicketReplied',
        'TicketReplied',
        'TicketPriorityChanged',
        'TicketEscalated',
        'TicketEscalated',
        'TicketResolved',
        'TicketReopened',
        'TicketResolved',
        'TicketClosed',
      ]);
      const openedAt: string = events[0].data.openedAt;
      expect(events[1].data).toEqual({ ticketId: id, agentId: 'agent-7' });
      expect(
        events
          .slice(2, 5)
          .map((e: { data: { isFirstResponse: boolean } }) => e.data.isFirstResponse),
      ).toEqual([false, true, false]);
      expect(events[5].data).toMatchObject({
        previousPriority: 'low',
        priority: 'urgent',
        sla: { priority: 'urgent', firstResponseDueAt: plusMinutes(openedAt, 30) },
      });
      expect(events[7].data).toMatchObject({ level: 2, reason: 'Still blocked' });
      expect(events[11].data).toEqual({ ticketId: id, closedAt: expect.any(String) });
    });

    it('answers a repeated assignment or priority with nothing appended', async () => {
      const id = await openedId();
      await act(id, 'assign', { agentId: 'agent-1' }).expect(200);
      const before = await t.head();
      const assigned = await act(id, 'assign', { agentId: 'agent-1' }).expect(200);
      expect(assigned.body).toMatchObject({ revision: 1, appended: 0 });
      const same = await act(id, 'priority', { priority: 'normal' }).expect(200);
      expect(same.body).toMatchObject({ revision: 1, appended: 0 });
      expect(await t.head()).toBe(before);

      const reassigned = await act(id, 'assign', { agentId: 'agent-2' }).expect(200);
      expect(reassigned.body).toMatchObject({ revision: 2, appended: 1 });
      const events = await audit(id);
      expect(events[2].data).toEqual({
        ticketId: id,
        agentId: 'agent-2',
        previousAgentId: 'agent-1',
      });
    });

    it('refuses to reopen a ticket that is not resolved', async () => {
      const id = await openedId();
      const body = await refused(() => act(id, 'reopen', { reason: 'why not' }), 422);
      expect(body).toMatchObject({ statusCode: 422, code: 'TICKET_NOT_RESOLVED' });
    });

    it('refuses work on a resolved ticket until it is reopened', async () => {
      const id = await openedId();
      await act(id, 'resolve', { resolution: 'Done' }).expect(200);
      for (const [action, body] of [
        ['assign', { agentId: 'agent-1' }],
        ['replies', { author: 'agent', authorId: 'agent-1', body: 'Hi' }],
        ['priority', { priority: 'high' }],
        ['escalate', { reason: 'x' }],
        ['resolve', { resolution: 'again' }],
      ] as const) {
        const refusal = await refused(() => act(id, action, body), 422);
        expect(refusal.code).toBe('TICKET_RESOLVED');
      }
    });

    it('refuses everything on a closed ticket', async () => {
      const id = await openedId();
      await act(id, 'close').expect(200);
      for (const [action, body] of [
        ['replies', { author: 'customer', authorId: contactId, body: 'Hello?' }],
        ['reopen', { reason: 'not done' }],
        ['close', {}],
      ] as const) {
        const refusal = await refused(() => act(id, action, body), 422);
        expect(refusal.code).toBe('TICKET_CLOSED');
      }
    });

    it.each([
      ['assign', { agentId: 'agent-1' }],
      ['replies', { author: 'agent', authorId: 'agent-1', body: 'Hi' }],
      ['priority', { priority: 'high' }],
      ['escalate', { reason: 'x' }],
      ['resolve', { resolution: 'x' }],
      ['reopen', { reason: 'x' }],
      ['close', {}],
    ])('answers 404 to %s on an unknown ticket', async (action, body) => {
      const refusal = await refused(() => act('no-such-ticket', action, body), 404);
      expect(refusal.code).toBe('TICKET_NOT_FOUND');
    });

    it.each([
      ['assign', { agentId: '', team: 'x' }, ['agentId', 'team']],
      ['replies', { author: 'bot', body: 5 }, ['author', 'authorId', 'body']],
      ['priority', { priority: 'critical' }, ['priority']],
      ['escalate', {}, ['reason']],
      ['resolve', { resolution: 'x'.repeat(5001) }, ['resolution']],
      ['reopen', { reason: null }, ['reason']],
      ['close', { reason: 'done' }, ['reason']],
    ])('refuses a bad %s body with the offending fields', async (action, body, fields) => {
      const id = await openedId();
      const refusal = await refused(() => act(id, action, body), 400);
      expect(refusal.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(refusal)).toEqual(fields);
    });

    it('applies If-Match only at the matching revision', async () => {
      const id = await openedId();
      const stale = await refused(
        () => t.http().post(`/tickets/${id}/escalate`).set('if-match', '"4"').send({ reason: 'x' }),
        412,
      );
      expect(stale).toMatchObject({ code: 'PRECONDITION_FAILED', details: { actualRevision: 0 } });
      await t
        .http()
        .post(`/tickets/${id}/escalate`)
        .set('if-match', '"0"')
        .send({ reason: 'x' })
        .expect(200);
    });
  });
});
