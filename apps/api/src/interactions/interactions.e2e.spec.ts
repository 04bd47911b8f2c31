import {
  createContact,
  directContext,
  registerAccount,
} from '../../../../test/support/direct-commands';
import { startTestApp, TestApp } from '../../../../test/support/test-app';

type FieldError = { field: string; errors: string[] };
type Body = Record<string, unknown> & { fields?: FieldError[] };
const fieldsOf = (body: Body): string[] => (body.fields ?? []).map((f) => f.field).sort();

const AT = '2025-06-01T10:00:00.000Z';
const FUTURE = '2999-01-01T00:00:00.000Z';

describe('interactions API', () => {
  let t: TestApp;
  let contactId: string;
  let accountId: string;
  beforeAll(async () => {
    t = await startTestApp();
    contactId = await createContact(t);
    accountId = await registerAccount(t);
  });
  afterAll(() => t.close());

  const post = (path: string, body: Record<string, unknown>) =>
    t.http().post(`/interactions/${path}`).send(body);
  const audit = async (id: string) =>
    (await t.http().get(`/audit/interaction/${id}`).expect(200)).body.events;

  const call = (body: Record<string, unknown> = {}) =>
    post('calls', {
      contactId,
      occurredAt: AT,
      direction: 'outbound',
      durationSeconds: 300,
      outcome: 'connected',
      ...body,
    });
  const note = (body: Record<string, unknown> = {}) =>
    post('notes', { contactId, occurredAt: AT, body: 'Prefers calls after 3pm', ...body });
  const meeting = (body: Record<string, unknown> = {}) =>
    post('meetings', {
      contactId,
      subject: 'Quarterly review',
      participants: ['ada@example.com', 'user-1'],
      startAt: '2025-06-02T14:00:00.000Z',
      endAt: '2025-06-02T15:00:00.000Z',
      ...body,
    });

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

  describe('POST /interactions/calls', () => {
    it('logs a call and answers with id, revision, position and ETag', async () => {
      const response = await call({ id: 'call-1', accountId, summary: 'Agreed on a demo' }).expect(
        201,
      );
      expect(response.body).toEqual({
        id: 'call-1',
        revision: 0,
        position: expect.stringMatching(/^\d+$/),
        appended: 1,
      });
      expect(response.headers.etag).toBe('"0"');
      const [logged] = await audit('call-1');
      expect(logged.type).toBe('CallLogged');
      expect(logged.data).toEqual({
        interactionId: 'call-1',
        contactId,
        accountId,
        occurredAt: AT,
        direction: 'outbound',
        durationSeconds: 300,
        outcome: 'connected',
        summary: 'Agreed on a demo',
      });
      expect(logged.metadata).toMatchObject({
        tenantId: 'acme',
        actorId: 'user-1',
        commandType: 'LogCall',
      });
    });

    it('lists every wrong, missing and unknown field, refusing null for optional links', async () => {
      const body = await refused(
        () =>
          post('calls', {
            contactId: 7,
            accountId: null,
            direction: 'sideways',
            durationSeconds: 1.5,
            outcome: 'maybe',
            summary: 42,
            mood: 'happy',
          }),
        400,
      );
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(body)).toEqual([
        'accountId',
        'contactId',
        'direction',
        'durationSeconds',
        'mood',
        'occurredAt',
        'outcome',
        'summary',
      ]);
    });

    it('refuses negative or day-long durations and non-strict times', async () => {
      const body = await refused(
        () => call({ durationSeconds: -1, occurredAt: '01/06/2025 10:00' }),
        400,
      );
      expect(fieldsOf(body)).toEqual(['durationSeconds', 'occurredAt']);
      await refused(() => call({ durationSeconds: 86_401 }), 400);
      const spaced = await refused(() => call({ occurredAt: '2025-06-01 10:00' }), 400);
      expect(fieldsOf(spaced)).toEqual(['occurredAt']);
    });

    it('refuses a call dated ahead of the clock with INTERACTION_IN_FUTURE', async () => {
      const body = await refused(() => call({ occurredAt: FUTURE }), 422);
      expect(body).toMatchObject({ statusCode: 422, code: 'INTERACTION_IN_FUTURE' });
    });

    it('refuses an id that is already taken with 409', async () => {
      await call({ id: 'call-taken' }).expect(201);
      const body = await refused(() => call({ id: 'call-taken' }), 409);
      expect(body.code).toBe('INTERACTION_ALREADY_EXISTS');
    });
  });

  describe('POST /interactions/emails', () => {
    it('logs an email', async () => {
      const response = await post('emails', {
        id: 'email-1',
        contactId,
        occurredAt: AT,
        direction: 'inbound',
        subject: 'Re: proposal',
        bodyPreview: 'Looks good, one question…',
      }).expect(201);
      expect(response.body).toMatchObject({ id: 'email-1', revision: 0, appended: 1 });
      const [logged] = await audit('email-1');
      expect(logged).toMatchObject({
        type: 'EmailLogged',
        data: {
          interactionId: 'email-1',
          contactId,
          direction: 'inbound',
          subject: 'Re: proposal',
        },
      });
    });

    it('lists missing fields', async () => {
      const body = await refused(() => post('emails', { contactId, subject: '' }), 400);
      expect(fieldsOf(body)).toEqual(['direction', 'occurredAt', 'subject']);
    });
  });

  describe('POST /interactions/meetings', () => {
    it('logs a meeting, even one ahead of time, dated by its start', async () => {
      const response = await meeting({
        id: 'meeting-1',
        startAt: '2999-06-02T14:00:00.000Z',
        endAt: '2999-06-02T15:00:00.000Z',
        location: 'Room 4',
      }).expect(201);
      expect(response.body).toMatchObject({ id: 'meeting-1', revision: 0, appended: 1 });
      const [logged] = await audit('meeting-1');
      expect(logged.type).toBe('MeetingLogged');
      expect(logged.data).toEqual({
        interactionId: 'meeting-1',
        contactId,
        subject: 'Quarterly review',
        participants: ['ada@example.com', 'user-1'],
        startAt: '2999-06-02T14:00:00.000Z',
        endAt: '2999-06-02T15:00:00.000Z',
        occurredAt: '2999-06-02T14:00:00.000Z',
        location: 'Room 4',
      });
    });

    it('stores times sent with an offset in canonical UTC form', async () => {
      await meeting({
        id: 'meeting-offset',
        startAt: '2026-06-01T10:00:00+02:00',
        endAt: '2026-06-01T11:30:00+02:00',
      }).expect(201);
      const [logged] = await audit('meeting-offset');
      expect(logged.data).toMatchObject({
        startAt: '2026-06-01T08:00:00.000Z',
        endAt: '2026-06-01T09:30:00.000Z',
        occurredAt: '2026-06-01T08:00:00.000Z',
      });
    });

    it('refuses times written with a space instead of the T', async () => {
      const body = await refused(
        () => meeting({ startAt: '2026-06-01 10:00', endAt: '2026-06-01 11:00' }),
        400,
      );
      expect(fieldsOf(body)).toEqual(['endAt', 'startAt']);
    });

    it('refuses a meeting that ends before it starts', async () => {
      const body = await refused(() => meeting({ endAt: '2025-06-02T13:00:00.000Z' }), 422);
      expect(body.code).toBe('INTERACTION_MEETING_ENDS_BEFORE_START');
    });

    it('refuses a meeting without participants', async () => {
      const body = await refused(() => meeting({ participants: [] }), 422);
      expect(body.code).toBe('INTERACTION_MEETING_NO_PARTICIPANTS');
    });

    it('refuses participants that are not a list of names', async () => {
      const body = await refused(() => meeting({ participants: ['ok', 3], startAt: 'soon' }), 400);
      expect(fieldsOf(body)).toEqual(['participants', 'startAt']);
    });
  });

  describe('POST /interactions/notes', () => {
    it('logs a note', async () => {
      const response = await note().expect(201);
      expect(response.body).toMatchObject({ revision: 0, appended: 1 });
      const [logged] = await audit(response.body.id);
      expect(logged).toMatchObject({
        type: 'NoteLogged',
        data: { interactionId: response.body.id, contactId, body: 'Prefers calls after 3pm' },
      });
    });

    it('refuses a note about a contact that does not exist', async () => {
      const body = await refused(() => note({ contactId: 'no-such-contact' }), 422);
      expect(body).toMatchObject({
        code: 'REFERENCE_NOT_FOUND',
        fields: [{ field: 'contactId', errors: ['contact no-such-contact does not exist'] }],
      });
    });

    it('refuses a contact of another tenant as missing', async () => {
      const foreign = await createContact(t, {}, directContext({ tenantId: 'globex' }));
      const body = await refused(() => note({ contactId: foreign }), 422);
      expect(body).toMatchObject({ code: 'REFERENCE_NOT_FOUND', fields: [{ field: 'contactId' }] });
    });

    it.each([
      ['accountId', 'account'],
      ['dealId', 'deal'],
      ['ticketId', 'ticket'],
    ])('refuses %s naming a missing %s', async (field, kind) => {
      const body = await refused(() => note({ [field]: 'missing-1' }), 422);
      expect(body).toMatchObject({
        code: 'REFERENCE_NOT_FOUND',
        fields: [{ field, errors: [`${kind} missing-1 does not exist`] }],
      });
    });
  });

  describe('POST /interactions/:id/links', () => {
    const correct = (id: string, body: Record<string, unknown>) =>
      t.http().post(`/interactions/${id}/links`).send(body);

    it('unlinks with null and links with an id, recording what changed and what it replaced', async () => {
      const ticket = await t
        .http()
        .post('/tickets')
        .send({ contactId, channel: 'email', priority: 'normal', subject: 'Invoice' })
        .expect(201);
      const ticketId: string = ticket.body.id;
      await note({ id: 'note-links', accountId }).expect(201);

      const response = await correct('note-links', { accountId: null, ticketId }).expect(200);
      expect(response.body).toMatchObject({ id: 'note-links', revision: 1, appended: 1 });
      expect(response.headers.etag).toBe('"1"');
      const events = await audit('note-links');
      expect(events[1].type).toBe('InteractionLinksCorrected');
      expect(events[1].data).toEqual({
        interactionId: 'note-links',
        contactId,
        accountId: null,
        ticketId,
        previous: { accountId, ticketId: null },
      });

      const before = await t.head();
      const again = await correct('note-links', { accountId: null, ticketId }).expect(200);
      expect(again.body).toMatchObject({ revision: 1, appended: 0 });
      expect(await t.head()).toBe(before);
    });

    it('refuses bad ids, wrong types and the contact, which cannot change', async () => {
      await note({ id: 'note-bad-links' }).expect(201);
      const body = await refused(
        () => correct('note-bad-links', { accountId: 'bad id!', dealId: 42, contactId }),
        400,
      );
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(body)).toEqual(['accountId', 'contactId', 'dealId']);
    });

    it('refuses a link to a record that does not exist', async () => {
      await note({ id: 'note-missing-link' }).expect(201);
      const body = await refused(
        () => correct('note-missing-link', { dealId: 'no-such-deal' }),
        422,
      );
      expect(body).toMatchObject({ code: 'REFERENCE_NOT_FOUND', fields: [{ field: 'dealId' }] });
    });

    it('answers 404 for an unknown interaction', async () => {
      const body = await refused(() => correct('no-such-interaction', { accountId: null }), 404);
      expect(body.code).toBe('INTERACTION_NOT_FOUND');
    });

    it('refuses an invalid id in the path', async () => {
      const body = await refused(() => correct('bad%20id', { accountId: null }), 400);
      expect(body.code).toBe('INVALID_RECORD_ID');
    });

    it('applies If-Match only at the matching revision', async () => {
      await note({ id: 'note-if-match' }).expect(201);
      const stale = await refused(
        () =>
          t
            .http()
            .post('/interactions/note-if-match/links')
            .set('if-match', '"3"')
            .send({ accountId }),
        412,
      );
      expect(stale.code).toBe('PRECONDITION_FAILED');
      await t
        .http()
        .post('/interactions/note-if-match/links')
        .set('if-match', '"0"')
        .send({ accountId })
        .expect(200);
    });
  });
});
