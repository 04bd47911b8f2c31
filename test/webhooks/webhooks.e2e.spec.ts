import { verifySignature } from '@crm/application';
import { startTestApp, TestApp } from '../support/test-app';
import { eventually, WebhookReceiver } from '../support/webhook-receiver';

type Delivery = {
  deliveryId: string;
  eventId: string;
  eventType: string;
  status: string;
  redeliveries: number;
  attempts: { attempt: number; outcome: string; statusCode: number | null }[];
};

describe('webhooks', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    t = await startTestApp({
      CRM_RUN_PROCESSES: 'true',
      CRM_WEBHOOK_ALLOWED_TARGETS: '127.0.0.1',
      CRM_WEBHOOK_MAX_ATTEMPTS: '3',
      CRM_WEBHOOK_BACKOFF_MS: '20',
    });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterEach(() => receiver.close());

  const register = async (eventTypes = ['ContactCreated']) =>
    (
      await t
        .http()
        .post('/webhooks')
        .send({ url: receiver.url, eventTypes, secret: 'a-signing-secret-of-some-length' })
        .expect(201)
    ).body as { id: string; secret: string };

  const createContact = async () =>
    (await t.http().post('/contacts').send({ firstName: 'Ada', lastName: 'Lovelace' }).expect(201))
      .body as { id: string };

  const deliveriesOf = async (webhookId: string): Promise<Delivery[]> =>
    (await t.http().get(`/webhooks/${webhookId}/deliveries`).expect(200)).body.deliveries;

  const settled = (webhookId: string, status: string, count = 1) =>
    eventually(async () => {
      const deliveries = await deliveriesOf(webhookId);
      return deliveries.length === count && deliveries.every((d) => d.status === status)
        ? deliveries
        : undefined;
    });

  it('retries a failing target and records exactly one success, signed over the body', async () => {
    receiver.answer = (index) => (index < 2 ? 500 : 204);
    const webhook = await register();
    expect(webhook.secret).toBe('a-signing-secret-of-some-length');
    await createContact();

    const [delivery] = await settled(webhook.id, 'succeeded');
    expect(delivery.eventType).toBe('ContactCreated.v1');
    expect(delivery.attempts.map((a) => [a.attempt, a.outcome, a.statusCode])).toEqual([
      [1, 'failed', 500],
      [2, 'failed', 500],
      [3, 'succeeded', 204],
    ]);
    expect(receiver.received).toHaveLength(3);
    const ids = new Set(receiver.received.map((r) => r.headers['x-crm-delivery-id']));
    expect([...ids]).toEqual([delivery.deliveryId]);
    const [last] = receiver.accepted();
    const signature = String(last.headers['x-crm-signature']);
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(signature.startsWith(`t=${last.headers['x-crm-timestamp']},`)).toBe(true);
    expect(verifySignature(webhook.secret, signature, last.body)).toBe(true);
    expect(verifySignature('another-secret-entirely', signature, last.body)).toBe(false);
    expect(verifySignature(webhook.secret, signature, `${last.body} `)).toBe(false);
    expect(JSON.parse(last.body)).toMatchObject({
      deliveryId: delivery.deliveryId,
      webhookId: webhook.id,
      event: { id: delivery.eventId, type: 'ContactCreated', kind: 'contact' },
    });
  });

  it('dead-letters after the last attempt, then redelivers on request under the same id', async () => {
    receiver.answer = () => 503;
    const webhook = await register();
    await createContact();
    const [dead] = await settled(webhook.id, 'dead-lettered');
    expect(dead.attempts).toHaveLength(3);
    expect(receiver.received).toHaveLength(3);

    receiver.answer = () => 200;
    const { body } = await t
      .http()
      .post(`/webhooks/${webhook.id}/deliveries/${dead.deliveryId}/redeliver`)
      .expect(202);
    expect(body).toMatchObject({ deliveryId: dead.deliveryId, status: 'pending' });
    const [redelivered] = await settled(webhook.id, 'succeeded');
    expect(redelivered.redeliveries).toBe(1);
    expect(redelivered.attempts.map((a) => a.outcome)).toEqual([
      'failed',
      'failed',
      'failed',
      'succeeded',
    ]);
    expect(receiver.accepted()).toHaveLength(1);
    expect(receiver.accepted()[0].headers['x-crm-delivery-id']).toBe(dead.deliveryId);
  });

  it('delivers only the event types asked for, in log order, and nothing once deleted', async () => {
    const webhook = await register(['ContactCreated', 'AccountRegistered']);
    const first = await createContact();
    await t.http().post('/accounts').send({ name: 'Analytical Engines' }).expect(201);
    const second = await createContact();
    const deliveries = await settled(webhook.id, 'succeeded', 3);
    expect(deliveries.map((d) => d.eventType)).toEqual([
      'ContactCreated.v1',
      'AccountRegistered.v1',
      'ContactCreated.v1',
    ]);
    const recordIds = receiver.received.map((r) => JSON.parse(r.body).event.recordId);
    expect([recordIds[0], recordIds[2]]).toEqual([first.id, second.id]);

    const log = `/webhooks/${webhook.id}/deliveries`;
    const { body: page } = await t.http().get(`${log}?limit=2`).expect(200);
    expect(page.deliveries.map((d: Delivery) => d.deliveryId)).toEqual(
      deliveries.slice(0, 2).map((d) => d.deliveryId),
    );
    const { body: rest } = await t.http().get(`${log}?limit=2&after=${page.next}`).expect(200);
    expect(rest).toEqual({ deliveries: [deliveries[2]], next: null });
    const { body: dead } = await t.http().get(`${log}?status=dead-lettered`).expect(200);
    expect(dead.deliveries).toEqual([]);
    const { body: bad } = await t.http().get(`${log}?limit=0&status=lost`).expect(400);
    expect(bad.fields.map((f: { field: string }) => f.field).sort()).toEqual(['limit', 'status']);

    await t.http().delete(`/webhooks/${webhook.id}`).expect(200);
    await createContact();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.received).toHaveLength(3);
  });

  it('never shows a secret after creation', async () => {
    const webhook = await register();
    const { body: one } = await t.http().get(`/webhooks/${webhook.id}`).expect(200);
    const { body: all } = await t.http().get('/webhooks').expect(200);
    expect(one).toMatchObject({ id: webhook.id, url: receiver.url, deletedAt: null });
    expect(JSON.stringify([one, all])).not.toContain(webhook.secret);
    expect(JSON.stringify([one, all])).not.toContain('secret');
    const events = await t.store.readAll();
    expect(JSON.stringify(events.map((e) => e.data))).not.toContain(webhook.secret);
  });

  it('records registrations and deletions in the tenant stream, chained, with the principal', async () => {
    const webhook = await register();
    await t.http().delete(`/webhooks/${webhook.id}`).expect(200);
    const stream = await t.store.readStream('crm.webhooks.acme');
    const own = stream.filter((e) => e.data.webhookId === webhook.id);
    expect(own.map((e) => e.type)).toEqual(['WebhookRegistered.v1', 'WebhookDeleted.v1']);
    for (const event of own) {
      expect(event.metadata).toMatchObject({
        tenantId: 'acme',
        actorId: 'user-1',
        principal: { kind: 'user', subject: 'user-1' },
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    }
    expect(String(own[0].data.sealedSecret)).toMatch(/^v1\./);
    const { body } = await t.http().get(`/webhooks/${webhook.id}`).expect(200);
    expect(body.deletedAt).toEqual(expect.any(String));
  });

  it.each(['http://10.0.0.7/hook', 'http://169.254.169.254/latest', 'http://[::1]:8080/hook'])(
    'refuses the private target %s with 400, writing nothing',
    async (url) => {
      const before = await t.head();
      const { body } = await t
        .http()
        .post('/webhooks')
        .send({ url, eventTypes: ['ContactCreated'] })
        .expect(400);
      expect(body).toMatchObject({ code: 'WEBHOOK_TARGET_REFUSED', fields: [{ field: 'url' }] });
      expect(await t.head()).toBe(before);
    },
  );

  it('refuses bad input with 400 naming the fields, writing nothing', async () => {
    const before = await t.head();
    const { body } = await t
      .http()
      .post('/webhooks')
      .send({ url: 'ftp://example.com', eventTypes: ['not a type'], secret: 'short', extra: 1 })
      .expect(400);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'eventTypes',
      'extra',
      'secret',
      'url',
    ]);
    expect(await t.head()).toBe(before);
  });

  it('answers 404 for an unknown webhook or delivery, 403 without webhook:manage', async () => {
    const webhook = await register();
    await t.http().get('/webhooks/wh_00000000000000000000000000000000').expect(404);
    await t.http().get('/webhooks/whatever/deliveries').expect(404);
    await t
      .http()
      .post(`/webhooks/${webhook.id}/deliveries/dlv_00000000000000000000000000000000/redeliver`)
      .expect(404);
    const { body } = await t
      .as('acme', { roles: ['manager'] })
      .get('/webhooks')
      .expect(403);
    expect(body.details.permission).toBe('webhook:manage');
    await t.as('other-tenant').get(`/webhooks/${webhook.id}`).expect(404);
  });
});
