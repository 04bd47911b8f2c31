import { mintToken } from '../support/credentials';
import { startTestApp, TENANT, TestApp } from '../support/test-app';

const TASK = { title: 'call back', dueAt: '2026-02-01T09:00:00Z', assigneeId: 'u-1' };

describe('rate limits per principal', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      CRM_RATE_LIMIT_PER_MINUTE: '5',
      CRM_RATE_LIMIT_EXPENSIVE_PER_MINUTE: '2',
    });
  });
  afterAll(() => t.close());

  it('answers 429 RATE_LIMITED with Retry-After past the budget, writing nothing', async () => {
    const alice = () => t.as(TENANT, { subject: 'alice' });
    for (let i = 0; i < 5; i++) await alice().post('/tasks').send(TASK).expect(201);
    const before = await t.head();
    const limited = await alice().post('/tasks').send(TASK).expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(await t.head()).toBe(before);
    // Another principal of the same tenant has a budget of its own.
    await t.as(TENANT, { subject: 'bob' }).post('/tasks').send(TASK).expect(201);
  });

  it('gives expensive reads (reports asOf) a tighter budget of their own', async () => {
    const carol = () => t.as(TENANT, { subject: 'carol' });
    const asOf = '/reports/win-rate?asOf=2026-01-01T00:00:00Z';
    await carol().get(asOf).expect(200);
    await carol().get(asOf).expect(200);
    expect((await carol().get(asOf).expect(429)).body.code).toBe('RATE_LIMITED');
    await carol().get('/reports/win-rate').expect(200);
  });

  it('counts failed credentials per address', async () => {
    const garbled = () => t.bare().get('/contacts').set('authorization', 'Bearer nope');
    for (let i = 0; i < 5; i++) await garbled().expect(401);
    expect((await garbled().expect(429)).body.code).toBe('RATE_LIMITED');
  });
});

describe('security headers and CORS', () => {
  it('sends helmet headers and no CORS headers unless origins are configured', async () => {
    const t = await startTestApp();
    try {
      const response = await t.http().get('/contacts').expect(200);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['strict-transport-security']).toBeDefined();
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      const cross = await t
        .http()
        .get('/contacts')
        .set('origin', 'https://evil.example')
        .expect(200);
      expect(cross.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await t
        .bare()
        .options('/contacts')
        .set('origin', 'https://evil.example')
        .set('access-control-request-method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await t.close();
    }
  });

  it('answers preflights from the listed origins only', async () => {
    const t = await startTestApp({ CRM_CORS_ORIGINS: 'https://crm.example.com' });
    try {
      const preflight = await t
        .bare()
        .options('/contacts')
        .set('origin', 'https://crm.example.com')
        .set('access-control-request-method', 'POST')
        .set('access-control-request-headers', 'authorization,content-type');
      expect(preflight.status).toBeLessThan(300);
      expect(preflight.headers['access-control-allow-origin']).toBe('https://crm.example.com');
      const other = await t
        .bare()
        .options('/contacts')
        .set('origin', 'https://evil.example')
        .set('access-control-request-method', 'POST');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      const token = mintToken({ sub: 'u', tenant: TENANT, roles: ['admin'] });
      const real = await t
        .bare()
        .get('/contacts')
        .set('origin', 'https://crm.example.com')
        .set('authorization', `Bearer ${token}`)
        .expect(200);
      expect(real.headers['access-control-allow-origin']).toBe('https://crm.example.com');
    } finally {
      await t.close();
    }
  });
});
