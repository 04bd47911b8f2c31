import { ApiKeyAdministration } from '@crm/application';
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, UnsecuredJWT, importPKCS8 } from 'jose';
import { mintToken, TEST_AUTH_ENV } from '../support/credentials';
import { ACTOR, startTestApp, TENANT, TestApp } from '../support/test-app';

const TASK = { title: 'call back', dueAt: '2026-02-01T09:00:00Z', assigneeId: 'u-1' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A command that would append, sent with this Authorization header. */
const attempt = (t: TestApp, authorization: string) =>
  t.bare().post('/tasks').set('authorization', authorization).send(TASK);

const expectRefused = async (t: TestApp, authorization: string): Promise<void> => {
  const before = await t.head();
  const response = await attempt(t, authorization);
  expect({
    status: response.status,
    code: response.body.code,
    challenge: response.headers['www-authenticate'],
  }).toEqual({ status: 401, code: 'UNAUTHENTICATED', challenge: 'Bearer error="invalid_token"' });
  expect(await t.head()).toBe(before);
};

const claims = { sub: ACTOR, tenant: TENANT, roles: ['admin'] };

describe('authentication with an HS256 identity provider and API keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('accepts a valid token (the control for every refusal below)', async () => {
    await attempt(t, `Bearer ${mintToken(claims)}`).expect(201);
  });

  it('refuses a request without any credential, and a garbled bearer', async () => {
    const before = await t.head();
    const response = await t.bare().post('/tasks').send(TASK).expect(401);
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(await t.head()).toBe(before);
    await expectRefused(t, 'Bearer not-a-token');
    await expectRefused(t, 'Bearer a.b.c');
    await expectRefused(t, `Basic ${Buffer.from('admin:admin').toString('base64')}`);
    await expectRefused(t, 'Bearer ');
    await expectRefused(t, 'crm_');
  });

  it('refuses alg none', async () => {
    const unsigned = new UnsecuredJWT(claims)
      .setIssuer(TEST_AUTH_ENV.CRM_AUTH_ISSUER)
      .setAudience(TEST_AUTH_ENV.CRM_AUTH_AUDIENCE)
      .setExpirationTime('1h')
      .encode();
    await expectRefused(t, `Bearer ${unsigned}`);
    await expectRefused(
      t,
      `Bearer ${mintToken(claims, { header: { alg: 'none' } }).replace(/[^.]+$/, '')}`,
    );
  });

  it('refuses a wrong issuer, a wrong audience, another secret', async () => {
    await expectRefused(t, `Bearer ${mintToken({ ...claims, iss: 'https://evil.test' })}`);
    await expectRefused(t, `Bearer ${mintToken({ ...claims, aud: 'another-api' })}`);
    await expectRefused(t, `Bearer ${mintToken(claims, { secret: 'x'.repeat(40) })}`);
  });

  it('refuses an expired token and one not yet valid, beyond the clock tolerance', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectRefused(t, `Bearer ${mintToken({ ...claims, exp: now - 120 })}`);
    await expectRefused(t, `Bearer ${mintToken({ ...claims, nbf: now + 120 })}`);
    await attempt(t, `Bearer ${mintToken({ ...claims, exp: now - 5 })}`).expect(201);
  });

  it('refuses a token without exp, without sub or without the tenant claim', async () => {
    const { exp: _exp, ...noExp } = JSON.parse(
      Buffer.from(mintToken(claims).split('.')[1], 'base64url').toString(),
    ) as Record<string, unknown>;
    await expectRefused(t, `Bearer ${mintToken({ ...claims, ...noExp, exp: undefined })}`);
    const { sub: _sub, ...withoutSub } = claims;
    await expectRefused(t, `Bearer ${mintToken(withoutSub as typeof claims)}`);
    const { tenant: _tenant, ...withoutTenant } = claims;
    await expectRefused(t, `Bearer ${mintToken(withoutTenant as typeof claims)}`);
    await expectRefused(t, `Bearer ${mintToken({ ...claims, tenant: '../other' })}`);
  });

  it('refuses a payload edited after signing', async () => {
    const [head, , signature] = mintToken(claims).split('.');
    const edited = Buffer.from(JSON.stringify({ ...claims, tenant: 'other', exp: 9e9 })).toString(
      'base64url',
    );
    await expectRefused(t, `Bearer ${head}.${edited}.${signature}`);
  });

  it('takes tenant and actor from the credential: X-Actor-Id is not read, X-Tenant-Id must match', async () => {
    const before = await t.head();
    const mismatch = await t
      .as(TENANT)
      .post('/tasks')
      .set('x-tenant-id', 'other')
      .send(TASK)
      .expect(403);
    expect(mismatch.body.code).toBe('TENANT_MISMATCH');
    expect(await t.head()).toBe(before);

    const created = await t
      .as(TENANT, { subject: 'rep-7' })
      .post('/tasks')
      .set('x-actor-id', 'ceo@tenantA')
      .set('x-correlation-id', 'board-approved-123')
      .send(TASK)
      .expect(201);
    const audit = await t.http().get(`/audit/task/${created.body.id}`).expect(200);
    expect(audit.body.events[0].metadata).toMatchObject({
      tenantId: TENANT,
      actorId: 'rep-7',
      principal: { kind: 'user', subject: 'rep-7', issuer: TEST_AUTH_ENV.CRM_AUTH_ISSUER },
    });
  });

  it('creates, lists and revokes API keys over HTTP (admins only); a revoked key is refused', async () => {
    const created = await t
      .http()
      .post('/api-keys')
      .send({ subject: 'ci-bot', roles: ['manager'], name: 'CI' })
      .expect(201);
    expect(created.body).toMatchObject({ tenantId: TENANT, subject: 'ci-bot', roles: ['manager'] });
    expect(created.body.secret).toMatch(/^crm_[A-Za-z0-9_-]{43}$/);
    const key = `Bearer ${created.body.secret as string}`;

    const task = await attempt(t, key).expect(201);
    const audit = await t.http().get(`/audit/task/${task.body.id}`).expect(200);
    expect(audit.body.events[0].metadata.principal).toEqual({
      kind: 'api-key',
      subject: 'ci-bot',
      keyId: created.body.keyId,
    });

    const listed = await t.http().get('/api-keys').expect(200);
    const entry = listed.body.keys.find((k: { keyId: string }) => k.keyId === created.body.keyId);
    expect(entry).toMatchObject({ subject: 'ci-bot', revokedAt: null });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
    expect(JSON.stringify(listed.body)).not.toContain('secretHash');

    const notAdmin = await t.bare().get('/api-keys').set('authorization', key).expect(403);
    expect(notAdmin.body.code).toBe('FORBIDDEN');
    await t
      .as('other')
      .delete(`/api-keys/${created.body.keyId as string}`)
      .expect(404);

    await t
      .http()
      .delete(`/api-keys/${created.body.keyId as string}`)
      .expect(200);
    await expectRefused(t, key);
  });

  it('refuses a key after its expiry, and an unknown key', async () => {
    const { secret } = await t.app.get(ApiKeyAdministration).create(
      {
        tenantId: TENANT,
        subject: 'short-lived',
        roles: ['admin'],
        expiresAt: new Date(Date.now() + 1000),
      },
      { kind: 'process', subject: 'process:test' },
    );
    await attempt(t, `Bearer ${secret}`).expect(201);
    await sleep(1100);
    await expectRefused(t, `Bearer ${secret}`);
    await expectRefused(t, `Bearer crm_${'A'.repeat(43)}`);
  });

  it('keeps the documentation and liveness public, health details and projections for admins', async () => {
    await t.bare().get('/openapi.json').expect(200);
    await t.bare().get('/health/live').expect(200);
    await t.bare().get('/health').expect(401);
    await t.bare().get('/projections').expect(401);
    await t
      .as(TENANT, { roles: ['manager'] })
      .get('/health')
      .expect(403);
    await t.http().get('/health').expect(200);
    await t.http().get('/projections').expect(200);
  });

  it('declares the bearer scheme in the OpenAPI document', async () => {
    const { body } = await t.bare().get('/openapi.json').expect(200);
    expect(body.components.securitySchemes.bearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(body.security).toEqual([{ bearer: [] }]);
  });
});

describe('authentication with CRM_DOCS=off', () => {
  it('serves no documentation', async () => {
    const t = await startTestApp({ CRM_DOCS: 'off' });
    try {
      await t.bare().get('/openapi.json').expect(401);
      await t.http().get('/openapi.json').expect(404);
    } finally {
      await t.close();
    }
  });
});

describe('authentication with an RSA public key', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      CRM_AUTH_JWT_SECRET: '',
      CRM_AUTH_JWT_PUBLIC_KEY: publicPem,
    });
  });
  afterAll(() => t.close());

  const signed = async (alg: string, payload = claims) =>
    new SignJWT(payload)
      .setProtectedHeader({ alg })
      .setIssuer(TEST_AUTH_ENV.CRM_AUTH_ISSUER)
      .setAudience(TEST_AUTH_ENV.CRM_AUTH_AUDIENCE)
      .setExpirationTime('1h')
      .sign(await importPKCS8(privatePem, alg));

  it('accepts RS256 signed with the private key', async () => {
    await attempt(t, `Bearer ${await signed('RS256')}`).expect(201);
  });

  it('refuses an HS256 token signed with the RSA public key as the secret', async () => {
    await expectRefused(t, `Bearer ${mintToken(claims, { secret: publicPem })}`);
  });

  it('refuses an algorithm the key type does not pin (PS256 with an RSA key)', async () => {
    await expectRefused(t, `Bearer ${await signed('PS256')}`);
  });
});
