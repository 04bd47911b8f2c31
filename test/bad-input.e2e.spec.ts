import { startTestApp, TestApp } from './support/test-app';

type Route = { method: 'post' | 'put' | 'patch' | 'delete'; path: string };

/** Cross-cutting refusals, checked on every command route the OpenAPI document lists. */
describe('bad input on every command route', () => {
  let t: TestApp;
  let routes: Route[];
  beforeAll(async () => {
    t = await startTestApp({ CRM_BODY_LIMIT_BYTES: '4096' });
    const { body } = await t.http().get('/openapi.json').expect(200);
    routes = Object.entries(body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) =>
        Object.keys(methods)
          .filter((m): m is Route['method'] => ['post', 'put', 'patch', 'delete'].includes(m))
          .map((method) => ({ method, path: path.replace(/\{[^}]+\}/g, 'some-id') })),
    );
  });
  afterAll(() => t.close());

  it('finds the command routes of every endpoint group', () => {
    const groups = new Set(routes.map((r) => r.path.split('/')[1]));
    expect([...groups].sort()).toEqual([
      'accounts',
      'api-keys',
      'automation',
      'campaigns',
      'contacts',
      'deals',
      'interactions',
      'leads',
      'pipelines',
      'quotes',
      'scoring-model',
      'tasks',
      'tickets',
      'webhooks',
    ]);
    expect(routes.length).toBeGreaterThan(50);
  });

  it('refuses every command without a credential, even with tenant and actor headers, appending nothing', async () => {
    const before = await t.head();
    for (const route of routes) {
      const response = await t
        .bare()
        [route.method](route.path)
        .set('x-tenant-id', 'acme')
        .set('x-actor-id', 'user-1')
        .send({});
      expect({
        route,
        status: response.status,
        code: response.body.code,
        challenge: response.headers['www-authenticate'],
      }).toEqual({
        route,
        status: 401,
        code: 'UNAUTHENTICATED',
        challenge: 'Bearer error="invalid_token"',
      });
    }
    expect(await t.head()).toBe(before);
  });

  it("refuses an X-Tenant-Id other than the credential's tenant on every command route", async () => {
    const before = await t.head();
    for (const route of routes) {
      const response = await t
        .http()
        [route.method](route.path)
        .set('x-tenant-id', 'acme.evil')
        .send({ title: 't', dueAt: '2026-01-01T00:00:00Z', assigneeId: 'u' });
      expect({ route, status: response.status, code: response.body.code }).toEqual({
        route,
        status: 403,
        code: 'TENANT_MISMATCH',
      });
    }
    expect(await t.head()).toBe(before);
  });

  it('answers 413 to an oversized body on every command route, appending nothing', async () => {
    const before = await t.head();
    const huge = { notes: 'x'.repeat(10_000) };
    for (const route of routes) {
      const response = await t.http()[route.method](route.path).send(huge);
      expect({ route, status: response.status, code: response.body.code }).toEqual({
        route,
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
      });
    }
    expect(await t.head()).toBe(before);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const response = await t
      .http()
      .post('/contacts')
      .set('content-type', 'application/json')
      .send('{"firstName":');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('MALFORMED_JSON');
  });

  it('refuses a body that tries to poison prototypes', async () => {
    const response = await t
      .http()
      .post('/accounts')
      .set('content-type', 'application/json')
      .send('{"name":"x","__proto__":{"admin":true}}');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('MALFORMED_JSON');
  });

  it('answers 400 INVALID_RECORD_ID to a malformed id in the path', async () => {
    const response = await t.http().post('/deals/not%20an%20id/win').send({}).expect(400);
    expect(response.body.code).toBe('INVALID_RECORD_ID');
  });

  it('answers 404 for an unknown record before checking the records a command names', async () => {
    const response = await t
      .http()
      .post('/contacts/no-such-contact/account')
      .send({ accountId: 'no-such-account' });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('CONTACT_NOT_FOUND');
  });

  it('refuses an idempotency key reused on another record with 409', async () => {
    const task = { title: 'a', dueAt: '2026-01-01T00:00:00Z', assigneeId: 'u' };
    await t.http().post('/tasks').set('idempotency-key', 'shared-key').send(task).expect(201);
    const before = await t.head();
    const response = await t
      .http()
      .post('/accounts')
      .set('idempotency-key', 'shared-key')
      .send({ name: 'Other record' });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await t.head()).toBe(before);
  });
});
