import { Test } from 'supertest';
import { streamNameFor } from '@crm/application';
import { startTestApp, TENANT, TestApp } from '../../../../test/support/test-app';

type Answer = { id: string; revision: number; position: string; appended: number };
type AuditEvent = { type: string; revision: number; data: Record<string, unknown> };
type ErrorBody = {
  details?: Record<string, unknown>;
  fields?: { field: string; errors: string[] }[];
};

describe('contacts API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const create = (body: Record<string, unknown> = {}) =>
    t
      .http()
      .post('/contacts')
      .send({ firstName: 'Ada', lastName: 'Lovelace', ...body });

  const created = async (body: Record<string, unknown> = {}): Promise<string> =>
    ((await create(body).expect(201)).body as Answer).id;

  const account = async (): Promise<string> =>
    ((await t.http().post('/accounts').send({ name: 'Acme' }).expect(201)).body as Answer).id;

  /** Sends the request, expects a 200 and the given answer, and returns it. */
  const accepted = async (request: Test, id: string, revision: number, appended = 1) => {
    const response = await request.expect(200);
    expect(response.body).toEqual({
      id,
      revision,
      position: expect.stringMatching(/^\d+$/),
      appended,
    });
    expect(response.headers.etag).toBe(`"${revision}"`);
    return response.body as Answer;
  };

  /** Sends the request, expects the refusal, and checks nothing was appended. */
  const refused = async (send: () => Test, status: number, code: string): Promise<ErrorBody> => {
    const before = await t.head();
    const response = await send().expect(status);
    expect(response.body).toMatchObject({ statusCode: status, code });
    expect(await t.head()).toBe(before);
    return response.body;
  };

  const invalidFields = async (send: () => Test) => {
    const body = await refused(send, 400, 'VALIDATION_FAILED');
    return (body.fields ?? []).map((f) => f.field).sort();
  };

  const history = async (id: string): Promise<AuditEvent[]> =>
    (await t.http().get(`/audit/contact/${id}`).expect(200)).body.events;

  const lastEvent = async (id: string): Promise<AuditEvent> => (await history(id)).at(-1)!;

  it('creates a contact with empty email and phone lists when none are given', async () => {
    const response = await create({ id: 'ada' }).expect(201);
    expect(response.body).toEqual({
      id: 'ada',
      revision: 0,
      position: expect.stringMatching(/^\d+$/),
      appended: 1,
    });
    expect(response.headers.etag).toBe('"0"');
    expect(await history('ada')).toEqual([
      expect.objectContaining({
        type: 'ContactCreated',
        revision: 0,
        data: { contactId: 'ada', firstName: 'Ada', lastName: 'Lovelace', emails: [], phones: [] },
      }),
    ]);
  });

  it('creates a contact with every field, linked to an existing account', async () => {
    const accountId = await account();
    const details = {
      emails: [
        { address: 'ada@example.com', label: 'work', primary: true },
        { address: 'ada@home.example' },
      ],
      phones: [{ number: '+44 20 7946 0000', label: 'office' }],
      title: 'Analyst',
      socialProfiles: [{ network: 'linkedin', handle: 'ada' }],
      address: { city: 'London', country: 'GB' },
      ownerId: 'user-2',
      accountId,
    };
    const id = await created(details);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await lastEvent(id)).data).toEqual({
      contactId: id,
      firstName: 'Ada',
      lastName: 'Lovelace',
      ...details,
    });
  });

  it('refuses a contact whose account does not exist', async () => {
    const body = await refused(
      () => create({ accountId: 'no-such-account' }),
      422,
      'REFERENCE_NOT_FOUND',
    );
    expect(body.fields).toEqual([
      { field: 'accountId', errors: ['account no-such-account does not exist'] },
    ]);
  });

  it('refuses to create an existing id, two primary emails or the same email twice', async () => {
    const id = await created();
    await refused(() => create({ id }), 409, 'CONTACT_ALREADY_EXISTS');
    const twoPrimaries = [
      { address: 'a@example.com', primary: true },
      { address: 'b@example.com', primary: true },
    ];
    await refused(() => create({ emails: twoPrimaries }), 422, 'CONTACT_MULTIPLE_PRIMARY_EMAILS');
    const duplicates = [{ address: 'a@example.com' }, { address: 'A@Example.com' }];
    await refused(() => create({ emails: duplicates }), 422, 'CONTACT_DUPLICATE_EMAIL');
    await refused(
      () => t.http().patch(`/contacts/${id}`).send({ emails: twoPrimaries }),
      422,
      'CONTACT_MULTIPLE_PRIMARY_EMAILS',
    );
  });

  it('lists every offending field of a bad contact', async () => {
    const fields = await invalidFields(() =>
      t
        .http()
        .post('/contacts')
        .send({
          firstName: 7,
          emails: [{ address: 'not-an-email' }, { address: 'ok@example.com', primary: 'yes' }],
          phones: 'none',
          socialProfiles: [{ network: 'x' }],
          accountId: 'bad id!',
          colour: 'red',
        }),
    );
    expect(fields).toEqual([
      'accountId',
      'colour',
      'emails[0].address',
      'emails[1].primary',
      'firstName',
      'lastName',
      'phones',
      'socialProfiles[0].handle',
    ]);
    expect(await invalidFields(() => create({ emails: null, phones: null }))).toEqual([
      'emails',
      'phones',
    ]);
  });

  it('updates only the changed fields and replaces whole lists', async () => {
    const id = await created({ emails: [{ address: 'ada@example.com' }], title: 'Analyst' });
    const emails = [{ address: 'ada@new.example', primary: true }];
    await accepted(
      t.http().patch(`/contacts/${id}`).send({ lastName: 'King', title: 'Analyst', emails }),
      id,
      1,
    );
    expect((await lastEvent(id)).data).toEqual({ contactId: id, lastName: 'King', emails });
    const before = await t.head();
    await accepted(t.http().patch(`/contacts/${id}`).send({ lastName: 'King', emails }), id, 1, 0);
    expect(await t.head()).toBe(before);
    const fields = await invalidFields(() =>
      t
        .http()
        .patch(`/contacts/${id}`)
        .send({ firstName: null, emails: null, title: null, address: null }),
    );
    // title and address are optional: null clears them (below); names and lists cannot be null.
    expect(fields).toEqual(['emails', 'firstName']);
    const cleared = await t
      .http()
      .patch(`/contacts/${id}`)
      .send({ title: null, address: null })
      .expect(200);
    expect(cleared.body.appended).toBe(1);
    const [event] = (await t.store.readStream(streamNameFor('contact', TENANT, id))).slice(-1);
    expect(event.data).toEqual({ contactId: id, title: null });
  });

  it('links, relinks and unlinks an account', async () => {
    const [first, second] = [await account(), await account()];
    const id = await created();
    await accepted(t.http().post(`/contacts/${id}/account`).send({ accountId: first }), id, 1);
    await accepted(t.http().post(`/contacts/${id}/account`).send({ accountId: second }), id, 2);
    expect(await lastEvent(id)).toMatchObject({
      type: 'ContactLinkedToAccount',
      data: { contactId: id, accountId: second, previousAccountId: first },
    });
    await accepted(t.http().post(`/contacts/${id}/account`).send({ accountId: second }), id, 2, 0);
    const missing = await refused(
      () => t.http().post(`/contacts/${id}/account`).send({ accountId: 'no-such-account' }),
      422,
      'REFERENCE_NOT_FOUND',
    );
    expect(missing.fields).toEqual([{ field: 'accountId', errors: [expect.any(String)] }]);

    await accepted(t.http().delete(`/contacts/${id}/account`), id, 3);
    expect(await lastEvent(id)).toMatchObject({
      type: 'ContactUnlinkedFromAccount',
      data: { contactId: id, accountId: second },
    });
    await refused(() => t.http().delete(`/contacts/${id}/account`), 422, 'CONTACT_NOT_LINKED');
    expect(await invalidFields(() => t.http().post(`/contacts/${id}/account`).send({}))).toEqual([
      'accountId',
    ]);
  });

  it('assigns an owner, tags, untags and sets custom fields', async () => {
    const id = await created({ ownerId: 'user-2' });
    await accepted(t.http().post(`/contacts/${id}/owner`).send({ ownerId: 'user-3' }), id, 1);
    expect((await lastEvent(id)).data).toEqual({
      contactId: id,
      ownerId: 'user-3',
      previousOwnerId: 'user-2',
    });
    await accepted(t.http().post(`/contacts/${id}/owner`).send({ ownerId: 'user-3' }), id, 1, 0);

    await accepted(t.http().post(`/contacts/${id}/tags`).send({ tag: 'speaker 2026' }), id, 2);
    await accepted(t.http().post(`/contacts/${id}/tags`).send({ tag: 'speaker 2026' }), id, 2, 0);
    await accepted(t.http().delete(`/contacts/${id}/tags/speaker%202026`), id, 3);
    expect((await lastEvent(id)).data).toEqual({ contactId: id, tag: 'speaker 2026' });
    await accepted(t.http().delete(`/contacts/${id}/tags/speaker%202026`), id, 3, 0);

    const put = (key: string, value: unknown) =>
      t.http().put(`/contacts/${id}/custom-fields/${key}`).send({ value });
    await accepted(put('lead.score', 42.5), id, 4);
    await accepted(put('newsletter', true), id, 5);
    await accepted(put('lead.score', 42.5), id, 5, 0);
    await accepted(put('lead.score', null), id, 6);
    expect((await lastEvent(id)).data).toEqual({ contactId: id, key: 'lead.score', value: null });
  });

  it('validates owner, tag and custom field input in body and path', async () => {
    const id = await created();
    const cases: [() => Test, string[]][] = [
      [() => t.http().post(`/contacts/${id}/owner`).send({ ownerId: '' }), ['ownerId']],
      [() => t.http().post(`/contacts/${id}/tags`).send({ tag: 3 }), ['tag']],
      [() => t.http().delete(`/contacts/${id}/tags/${'t'.repeat(65)}`), ['tag']],
      [() => t.http().put(`/contacts/${id}/custom-fields/a*b`).send({ value: 1 }), ['key']],
      [
        () =>
          t
            .http()
            .put(`/contacts/${id}/custom-fields/ok`)
            .send({ value: { nested: 1 } }),
        ['value'],
      ],
      [() => t.http().put(`/contacts/${id}/custom-fields/ok`).send({}), ['value']],
    ];
    for (const [send, expected] of cases) expect(await invalidFields(send)).toEqual(expected);
    await refused(
      () => t.http().post('/contacts/bad%20id/owner').send({ ownerId: 'u' }),
      400,
      'INVALID_RECORD_ID',
    );
  });

  it('records every consent, even a repeated one', async () => {
    const id = await created();
    const consent = { channel: 'email', status: 'opted_in', source: 'signup form' };
    await accepted(t.http().post(`/contacts/${id}/consents`).send(consent), id, 1);
    await accepted(t.http().post(`/contacts/${id}/consents`).send(consent), id, 2);
    expect(await lastEvent(id)).toEqual(
      expect.objectContaining({
        type: 'ContactConsentRecorded',
        revision: 2,
        data: { contactId: id, ...consent, recordedAt: expect.any(String) },
      }),
    );
    const fields = await invalidFields(() =>
      t.http().post(`/contacts/${id}/consents`).send({ channel: 'fax', status: 'maybe' }),
    );
    expect(fields).toEqual(['channel', 'source', 'status']);
  });

  it('merges a duplicate into a survivor, then refuses every change to the duplicate', async () => {
    const [duplicate, survivor] = [await created(), await created()];
    await accepted(
      t.http().post(`/contacts/${duplicate}/merge`).send({ survivorId: survivor }),
      duplicate,
      1,
    );
    expect((await lastEvent(duplicate)).data).toEqual({
      contactId: duplicate,
      survivorId: survivor,
      mergedAt: expect.any(String),
    });
    const accountId = await account();
    const changes: (() => Test)[] = [
      () => t.http().patch(`/contacts/${duplicate}`).send({ title: 'CTO' }),
      () => t.http().post(`/contacts/${duplicate}/account`).send({ accountId }),
      () => t.http().delete(`/contacts/${duplicate}/account`),
      () => t.http().post(`/contacts/${duplicate}/owner`).send({ ownerId: 'user-4' }),
      () => t.http().post(`/contacts/${duplicate}/tags`).send({ tag: 'x' }),
      () => t.http().delete(`/contacts/${duplicate}/tags/x`),
      () => t.http().put(`/contacts/${duplicate}/custom-fields/k`).send({ value: 1 }),
      () =>
        t
          .http()
          .post(`/contacts/${duplicate}/consents`)
          .send({ channel: 'sms', status: 'opted_out', source: 'x' }),
      () => t.http().post(`/contacts/${duplicate}/merge`).send({ survivorId: survivor }),
    ];
    for (const change of changes) {
      const body = await refused(change, 422, 'CONTACT_MERGED');
      expect(body.details).toEqual({ contactId: duplicate, survivorId: survivor });
    }
  });

  it('refuses to merge into itself, into a missing contact or into a merged one', async () => {
    const [duplicate, survivor, other] = [await created(), await created(), await created()];
    const merge = (id: string, survivorId: string) => () =>
      t.http().post(`/contacts/${id}/merge`).send({ survivorId });
    await refused(merge(other, other), 422, 'CONTACT_MERGE_INTO_SELF');
    const missing = await refused(merge(other, 'no-such-contact'), 422, 'REFERENCE_NOT_FOUND');
    expect(missing.fields).toEqual([
      { field: 'survivorId', errors: ['contact no-such-contact does not exist'] },
    ]);
    await t.http().post(`/contacts/${duplicate}/merge`).send({ survivorId: survivor }).expect(200);
    const body = await refused(merge(other, duplicate), 422, 'CONTACT_SURVIVOR_MERGED');
    expect(body.details).toEqual({ survivorId: duplicate, mergedInto: survivor });
    expect(
      await invalidFields(() => t.http().post(`/contacts/${other}/merge`).send({ survivorId: '' })),
    ).toEqual(['survivorId']);
  });

  it('answers 404 CONTACT_NOT_FOUND on every route for an unknown contact', async () => {
    const [accountId, survivorId] = [await account(), await created()];
    const id = 'no-such-contact';
    const routes: (() => Test)[] = [
      () => t.http().patch(`/contacts/${id}`).send({ title: 'CTO' }),
      () => t.http().post(`/contacts/${id}/account`).send({ accountId }),
      () => t.http().delete(`/contacts/${id}/account`),
      () => t.http().post(`/contacts/${id}/owner`).send({ ownerId: 'user-2' }),
      () => t.http().post(`/contacts/${id}/tags`).send({ tag: 'x' }),
      () => t.http().delete(`/contacts/${id}/tags/x`),
      () => t.http().put(`/contacts/${id}/custom-fields/k`).send({ value: 1 }),
      () =>
        t
          .http()
          .post(`/contacts/${id}/consents`)
          .send({ channel: 'post', status: 'opted_in', source: 'x' }),
      () => t.http().post(`/contacts/${id}/merge`).send({ survivorId }),
    ];
    for (const route of routes) await refused(route, 404, 'CONTACT_NOT_FOUND');
  });
});
