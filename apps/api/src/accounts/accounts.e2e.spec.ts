import { Test } from 'supertest';
import { startTestApp, TestApp } from '../../../../test/support/test-app';

type Answer = { id: string; revision: number; position: string; appended: number };
type AuditEvent = { type: string; revision: number; data: Record<string, unknown> };

describe('accounts API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const register = (body: Record<string, unknown> = {}) =>
    t
      .http()
      .post('/accounts')
      .send({ name: 'Acme', ...body });

  const registered = async (body: Record<string, unknown> = {}): Promise<string> =>
    ((await register(body).expect(201)).body as Answer).id;

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
  const refused = async (send: () => Test, status: number, code: string) => {
    const before = await t.head();
    const response = await send().expect(status);
    expect(response.body).toMatchObject({ statusCode: status, code });
    expect(await t.head()).toBe(before);
    return response.body as { fields?: { field: string; errors: string[] }[] };
  };

  const invalidFields = async (send: () => Test) => {
    const body = await refused(send, 400, 'VALIDATION_FAILED');
    return (body.fields ?? []).map((f) => f.field).sort();
  };

  const history = async (id: string): Promise<AuditEvent[]> =>
    (await t.http().get(`/audit/account/${id}`).expect(200)).body.events;

  const lastEvent = async (id: string): Promise<AuditEvent> => (await history(id)).at(-1)!;

  it('registers an account with every profile field and records them', async () => {
    const address = { street: '1 Main St', city: 'Lyon', postalCode: '69001', country: 'FR' };
    const response = await register({
      id: 'acme-corp',
      domain: 'acme.example.com',
      industry: 'Retail',
      size: '51-200',
      address,
      ownerId: 'user-2',
    }).expect(201);
    expect(response.body).toEqual({
      id: 'acme-corp',
      revision: 0,
      position: expect.stringMatching(/^\d+$/),
      appended: 1,
    });
    expect(response.headers.etag).toBe('"0"');
    expect(await history('acme-corp')).toEqual([
      expect.objectContaining({
        type: 'AccountRegistered',
        revision: 0,
        data: {
          accountId: 'acme-corp',
          name: 'Acme',
          domain: 'acme.example.com',
          industry: 'Retail',
          size: '51-200',
          address,
          ownerId: 'user-2',
        },
      }),
    ]);
  });

  it('generates an id when none is given and refuses to register an existing id', async () => {
    const id = await registered();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await refused(() => register({ id }), 409, 'ACCOUNT_ALREADY_EXISTS');
  });

  it('updates only the profile fields that changed', async () => {
    const id = await registered({ industry: 'Retail' });
    await accepted(
      t
        .http()
        .patch(`/accounts/${id}`)
        .send({ name: 'Acme Inc', industry: 'Retail', size: '5000+' }),
      id,
      1,
    );
    expect(await lastEvent(id)).toMatchObject({
      type: 'AccountProfileUpdated',
      data: { accountId: id, name: 'Acme Inc', size: '5000+' },
    });
    expect((await lastEvent(id)).data).not.toHaveProperty('industry');

    const before = await t.head();
    await accepted(t.http().patch(`/accounts/${id}`).send({ name: 'Acme Inc' }), id, 1, 0);
    await accepted(t.http().patch(`/accounts/${id}`).send({}), id, 1, 0);
    expect(await t.head()).toBe(before);
  });

  it('applies a profile update only at the revision named by If-Match', async () => {
    const id = await registered();
    await refused(
      () => t.http().patch(`/accounts/${id}`).set('if-match', '"1"').send({ name: 'Later' }),
      412,
      'PRECONDITION_FAILED',
    );
    await accepted(
      t.http().patch(`/accounts/${id}`).set('if-match', '"0"').send({ name: 'Later' }),
      id,
      1,
    );
  });

  it('assigns an owner and keeps the previous one in the event', async () => {
    const id = await registered({ ownerId: 'user-2' });
    await accepted(t.http().post(`/accounts/${id}/owner`).send({ ownerId: 'user-3' }), id, 1);
    expect(await lastEvent(id)).toMatchObject({
      type: 'AccountOwnerAssigned',
      data: { accountId: id, ownerId: 'user-3', previousOwnerId: 'user-2' },
    });
    await accepted(t.http().post(`/accounts/${id}/owner`).send({ ownerId: 'user-3' }), id, 1, 0);
  });

  it('tags and untags an account, including a tag that needs URL encoding', async () => {
    const id = await registered();
    await accepted(t.http().post(`/accounts/${id}/tags`).send({ tag: 'vip' }), id, 1);
    await accepted(t.http().post(`/accounts/${id}/tags`).send({ tag: 'vip' }), id, 1, 0);
    await accepted(t.http().post(`/accounts/${id}/tags`).send({ tag: 'key account/EMEA' }), id, 2);
    await accepted(t.http().delete(`/accounts/${id}/tags/key%20account%2FEMEA`), id, 3);
    expect(await lastEvent(id)).toMatchObject({
      type: 'AccountUntagged',
      data: { accountId: id, tag: 'key account/EMEA' },
    });
    await accepted(t.http().delete(`/accounts/${id}/tags/vip`), id, 4);
    await accepted(t.http().delete(`/accounts/${id}/tags/vip`), id, 4, 0);
    expect((await history(id)).map((e) => e.type)).toEqual([
      'AccountRegistered',
      'AccountTagged',
      'AccountTagged',
      'AccountUntagged',
      'AccountUntagged',
    ]);
  });

  it('sets custom fields of every value type and skips an unchanged value', async () => {
    const id = await registered();
    const put = (key: string, value: unknown) =>
      t.http().put(`/accounts/${id}/custom-fields/${key}`).send({ value });
    await accepted(put('tier', 'gold'), id, 1);
    await accepted(put('employees.count', 120), id, 2);
    await accepted(put('is_partner', false), id, 3);
    await accepted(put('tier', null), id, 4);
    await accepted(put('employees.count', 120), id, 4, 0);
    await accepted(put('never-set', null), id, 4, 0);
    expect((await history(id)).slice(1).map((e) => e.data)).toEqual([
      { accountId: id, key: 'tier', value: 'gold' },
      { accountId: id, key: 'employees.count', value: 120 },
      { accountId: id, key: 'is_partner', value: false },
      { accountId: id, key: 'tier', value: null },
    ]);
  });

  it('archives an account, with or without a reason', async () => {
    const id = await registered();
    await accepted(t.http().post(`/accounts/${id}/archive`).send({ reason: 'churned' }), id, 1);
    expect(await lastEvent(id)).toEqual(
      expect.objectContaining({
        type: 'AccountArchived',
        data: { accountId: id, reason: 'churned', archivedAt: expect.any(String) },
      }),
    );
    const other = await registered();
    await accepted(t.http().post(`/accounts/${other}/archive`), other, 1);
    expect((await lastEvent(other)).data).toEqual({
      accountId: other,
      archivedAt: expect.any(String),
    });
  });

  it('refuses every change to an archived account with ACCOUNT_ARCHIVED', async () => {
    const id = await registered();
    await t.http().post(`/accounts/${id}/tags`).send({ tag: 'vip' }).expect(200);
    await t.http().post(`/accounts/${id}/archive`).send({}).expect(200);
    const changes: (() => Test)[] = [
      () => t.http().patch(`/accounts/${id}`).send({ name: 'New name' }),
      () => t.http().post(`/accounts/${id}/owner`).send({ ownerId: 'user-9' }),
      () => t.http().post(`/accounts/${id}/tags`).send({ tag: 'new' }),
      () => t.http().delete(`/accounts/${id}/tags/vip`),
      () => t.http().put(`/accounts/${id}/custom-fields/tier`).send({ value: 'gold' }),
      () => t.http().post(`/accounts/${id}/archive`).send({}),
    ];
    for (const change of changes) {
      const body = await refused(change, 422, 'ACCOUNT_ARCHIVED');
      expect(body).toMatchObject({ details: { accountId: id, status: 'archived' } });
    }
  });

  it('answers 404 ACCOUNT_NOT_FOUND on every route for an unknown account', async () => {
    const id = 'no-such-account';
    const routes: (() => Test)[] = [
      () => t.http().patch(`/accounts/${id}`).send({ name: 'x' }),
      () => t.http().post(`/accounts/${id}/owner`).send({ ownerId: 'user-2' }),
      () => t.http().post(`/accounts/${id}/tags`).send({ tag: 'vip' }),
      () => t.http().delete(`/accounts/${id}/tags/vip`),
      () => t.http().put(`/accounts/${id}/custom-fields/tier`).send({ value: 'gold' }),
      () => t.http().post(`/accounts/${id}/archive`).send({}),
    ];
    for (const route of routes) await refused(route, 404, 'ACCOUNT_NOT_FOUND');
  });

  it('lists every offending field of a bad registration', async () => {
    const fields = await invalidFields(() =>
      t
        .http()
        .post('/accounts')
        .send({
          name: 42,
          domain: 'not a domain',
          size: 'huge',
          address: { city: 'Lyon', country: 'FRA' },
          ownerId: '',
          colour: 'red',
        }),
    );
    expect(fields).toEqual(['address.country', 'colour', 'domain', 'name', 'ownerId', 'size']);
    expect(await invalidFields(() => t.http().post('/accounts').send({}))).toEqual(['name']);
    expect(await invalidFields(() => register({ id: 'has space' }))).toEqual(['id']);
  });

  it('refuses null for the name (it cannot be cleared) and on registration', async () => {
    const id = await registered();
    const fields = await invalidFields(() =>
      t
        .http()
        .patch(`/accounts/${id}`)
        .send({ name: null, industry: null, size: null, address: null }),
    );
    // The other fields are optional: null clears them (test/clearing-fields.e2e.spec.ts).
    expect(fields).toEqual(['name']);
    expect(await invalidFields(() => register({ domain: null }))).toEqual(['domain']);
  });

  it('validates the bodies of owner, tag, custom field and archive', async () => {
    const id = await registered();
    const cases: [() => Test, string[]][] = [
      [() => t.http().post(`/accounts/${id}/owner`).send({}), ['ownerId']],
      [() => t.http().post(`/accounts/${id}/owner`).send({ ownerId: 7 }), ['ownerId']],
      [() => t.http().post(`/accounts/${id}/tags`).send({ tag: '' }), ['tag']],
      [
        () =>
          t
            .http()
            .post(`/accounts/${id}/tags`)
            .send({ tag: 'x'.repeat(65) }),
        ['tag'],
      ],
      [() => t.http().put(`/accounts/${id}/custom-fields/tier`).send({}), ['value']],
      [
        () =>
          t
            .http()
            .put(`/accounts/${id}/custom-fields/tier`)
            .send({ value: { a: 1 } }),
        ['value'],
      ],
      [
        () =>
          t
            .http()
            .put(`/accounts/${id}/custom-fields/tier`)
            .send({ value: ['a'] }),
        ['value'],
      ],
      [
        () =>
          t
            .http()
            .put(`/accounts/${id}/custom-fields/tier`)
            .send({ value: 'x'.repeat(2001) }),
        ['value'],
      ],
      [
        () => t.http().put(`/accounts/${id}/custom-fields/tier`).send({ value: 1, note: 'x' }),
        ['note'],
      ],
      [() => t.http().post(`/accounts/${id}/archive`).send({ reason: 5 }), ['reason']],
    ];
    for (const [send, expected] of cases) expect(await invalidFields(send)).toEqual(expected);
  });

  it('validates the tag, custom field key and id in the path', async () => {
    const id = await registered();
    const cases: [() => Test, string][] = [
      [() => t.http().delete(`/accounts/${id}/tags/${'x'.repeat(65)}`), 'tag'],
      [() => t.http().put(`/accounts/${id}/custom-fields/tier%20one`).send({ value: 1 }), 'key'],
      [
        () =>
          t
            .http()
            .put(`/accounts/${id}/custom-fields/${'k'.repeat(65)}`)
            .send({ value: 1 }),
        'key',
      ],
    ];
    for (const [send, field] of cases) expect(await invalidFields(send)).toEqual([field]);
    const body = await refused(
      () => t.http().post('/accounts/bad%20id/archive').send({}),
      400,
      'INVALID_RECORD_ID',
    );
    expect(body.fields).toEqual([{ field: 'id', errors: [expect.any(String)] }]);
  });
});
