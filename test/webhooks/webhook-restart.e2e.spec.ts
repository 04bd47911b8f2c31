import { loadConfig } from '@crm/application';
import { createSqliteEventStore } from '@crm/event-store';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../apps/api/src/create-app';
import { mintToken, TEST_AUTH_ENV } from '../support/credentials';
import { TENANT } from '../support/test-app';
import { eventually, WebhookReceiver } from '../support/webhook-receiver';

/** The API on files in `dir`, as `npm start` runs it: same data dir, same stores after a restart. */
const startOn = (dir: string): Promise<NestFastifyApplication> =>
  createApp({
    config: loadConfig({
      ...TEST_AUTH_ENV,
      CRM_DATA_DIR: dir,
      CRM_WEBHOOK_ALLOWED_TARGETS: '127.0.0.1',
      CRM_WEBHOOK_BACKOFF_MS: '100',
      CRM_WEBHOOK_MAX_ATTEMPTS: '50',
    }),
    logger: false,
  });

const as = (app: NestFastifyApplication) =>
  request
    .agent(app.getHttpServer())
    .set(
      'authorization',
      `Bearer ${mintToken({ sub: 'user-1', tenant: TENANT, roles: ['admin'] })}`,
    );

describe('webhook deliveries across a restart', () => {
  let dir: string;
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-webhook-restart-'));
    receiver = await WebhookReceiver.start();
  });
  afterEach(async () => {
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers a delivery pending at shutdown once, after the next start', async () => {
    receiver.answer = () => 500;
    let app = await startOn(dir);
    const { body: webhook } = await as(app)
      .post('/webhooks')
      .send({ url: receiver.url, eventTypes: ['ContactCreated'] })
      .expect(201);
    await as(app).post('/contacts').send({ firstName: 'Ada', lastName: 'Lovelace' }).expect(201);
    // Pending: a failed attempt is recorded, the next one waits out its backoff.
    await eventually(async () => {
      const { body } = await as(app).get(`/webhooks/${webhook.id}/deliveries`).expect(200);
      return body.deliveries[0]?.attempts.length >= 1 ? true : undefined;
    });
    await app.close();

    receiver.answer = () => 200;
    app = await startOn(dir);
    try {
      const [delivery] = await eventually(async () => {
        const { body } = await as(app).get(`/webhooks/${webhook.id}/deliveries`).expect(200);
        return body.deliveries[0]?.status === 'succeeded' ? body.deliveries : undefined;
      });
      // Settle: a second dispatcher or a replay would deliver again within this.
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(receiver.accepted()).toHaveLength(1);
      expect(new Set(receiver.received.map((r) => r.headers['x-crm-delivery-id'])).size).toBe(1);
      const { body } = await as(app).get(`/webhooks/${webhook.id}/deliveries`).expect(200);
      expect(body.deliveries).toHaveLength(1);
      const attempts = body.deliveries[0].attempts as { attempt: number; outcome: string }[];
      // The failed attempts recorded before the restart, then the one success, numbered on.
      expect(attempts.map((a) => a.outcome)).toEqual([
        ...attempts.slice(0, -1).map(() => 'failed'),
        'succeeded',
      ]);
      expect(attempts.length).toBeGreaterThan(1);
      expect(receiver.accepted()[0].headers['x-crm-attempt']).toBe(
        String(attempts[attempts.length - 1].attempt),
      );
      expect(delivery.deliveryId).toBe(receiver.accepted()[0].headers['x-crm-delivery-id']);
      // No CRM_SECRETS_KEY: the generated key, kept beside the data, opened the secret again.
      expect(statSync(join(dir, 'secrets.key')).mode & 0o777).toBe(0o600);
    } finally {
      await app.close();
    }

    // A third start has nothing left to deliver.
    app = await startOn(dir);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await app.close();
    expect(receiver.accepted()).toHaveLength(1);
    const store = createSqliteEventStore({ path: join(dir, 'events.sqlite') });
    const log = await store.readStream(`crmprocess-webhook.${webhook.id}`);
    await store.close();
    expect(log.filter((e) => e.type === 'WebhookDeliverySucceeded.v1')).toHaveLength(1);
  });
});
