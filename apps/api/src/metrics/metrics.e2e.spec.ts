import { CrmMetrics, startOpsServer } from '@crm/application';
import { allProjections } from '@crm/projections';
import { parsePrometheusText, valueOf } from '../../../../test/support/prometheus-text';
import { startTestApp, TENANT, TestApp } from '../../../../test/support/test-app';

const createContact = (t: TestApp) =>
  t.http().post('/contacts').send({ firstName: 'Ada', lastName: 'Lovelace' }).expect(201);

describe('GET /metrics', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  const scrape = async () => {
    const response = await t.http().get('/metrics').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(response.text);
  };

  it('is Prometheus text with the families the issue names', async () => {
    const metrics = await scrape();
    expect(metrics.types).toMatchObject({
      crm_http_requests_total: 'counter',
      crm_http_request_duration_seconds: 'histogram',
      crm_commands_total: 'counter',
      crm_event_store_append_duration_seconds: 'histogram',
      crm_event_store_head_position: 'gauge',
      crm_projection_position: 'gauge',
      crm_projection_lag_events: 'gauge',
      crm_projection_parked_events_total: 'counter',
      crm_event_store_commits_total: 'counter',
      process_cpu_user_seconds_total: 'counter',
      nodejs_heap_size_used_bytes: 'gauge',
    });
    for (const projection of allProjections) {
      expect(
        metrics.samples.some(
          (s) => s.name === 'crm_projection_lag_events' && s.labels.projection === projection.name,
        ),
      ).toBe(true);
    }
  });

  it('needs a credential with system:read on the API port', async () => {
    const anonymous = await t.bare().get('/metrics').expect(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    const rep = await t.as(TENANT, { subject: 'rep-1', roles: ['sales-rep'] }).get('/metrics');
    expect(rep.status).toBe(403);
    expect(rep.body).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'system:read' } });
  });

  it('counters move with traffic', async () => {
    const before = await scrape();
    const live = { route: '/health/live', method: 'GET', status: '200' };
    for (let i = 0; i < 3; i++) await t.bare().get('/health/live').expect(200);
    await createContact(t);
    await t.http().post('/contacts').send({ firstName: '' }).expect(400);
    const after = await scrape();

    expect(valueOf(after, 'crm_http_requests_total', live)).toBe(
      valueOf(before, 'crm_http_requests_total', live) + 3,
    );
    expect(valueOf(after, 'crm_http_request_duration_seconds_count', live)).toBe(
      valueOf(before, 'crm_http_request_duration_seconds_count', live) + 3,
    );
    const created = { route: '/contacts', method: 'POST', status: '201' };
    expect(valueOf(after, 'crm_http_requests_total', created)).toBe(
      valueOf(before, 'crm_http_requests_total', created) + 1,
    );
    expect(valueOf(after, 'crm_http_requests_total', { ...created, status: '400' })).toBe(
      valueOf(before, 'crm_http_requests_total', { ...created, status: '400' }) + 1,
    );
    const command = { type: 'CreateContact', outcome: 'ok' };
    expect(valueOf(after, 'crm_commands_total', command)).toBe(
      valueOf(before, 'crm_commands_total', command) + 1,
    );
    expect(valueOf(after, 'crm_event_store_append_duration_seconds_count', { outcome: 'ok' })).toBe(
      valueOf(before, 'crm_event_store_append_duration_seconds_count', { outcome: 'ok' }) + 1,
    );
    expect(valueOf(after, 'crm_event_store_head_position')).toBe(Number(await t.head()));
  });
});

describe('CRM_METRICS_PORT', () => {
  it('serves /metrics on a listener of its own, and the API port does not', async () => {
    const metrics = new CrmMetrics('api');
    const t = await startTestApp({ CRM_METRICS_PORT: '0' });
    const ops = await startOpsServer({ host: '127.0.0.1', port: 0, metrics });
    try {
      await t.http().get('/metrics').expect(404);
      metrics.commands.inc({ type: 'CreateContact', outcome: 'ok' });
      const response = await fetch(`http://127.0.0.1:${ops.port}/metrics`);
      expect(response.status).toBe(200);
      const text = parsePrometheusText(await response.text());
      expect(valueOf(text, 'crm_commands_total', { type: 'CreateContact' })).toBe(1);
      expect((await fetch(`http://127.0.0.1:${ops.port}/health/ready`)).status).toBe(404);
    } finally {
      await ops.close();
      await t.close();
    }
  });
});
