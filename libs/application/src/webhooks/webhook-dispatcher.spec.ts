import {
  createEventSchemaRegistry,
  createEventSerializer,
  createSqliteEventStore,
  EventSerializer,
  EventStore,
} from '@crm/event-store';
import { randomBytes, randomUUID } from 'node:crypto';
import { SecretBox } from './secret-sealing';
import { readDeliveryLog } from './webhook-delivery-log';
import { backoffDelay } from './webhook-backoff';
import { WebhookDispatcher } from './webhook-dispatcher';
import { deliveryStream } from './webhook-events';
import { ActiveWebhook } from './webhook-registry';
import { WebhookRequest, WebhookSender } from './webhook-sender';

const box = new SecretBox(randomBytes(32));
const plain = createEventSerializer(createEventSchemaRegistry());
/** Reads every event but `Broken`, as the real serializer refuses an unreadable one. */
const serializer: EventSerializer = {
  ...plain,
  deserialize: (recorded) => {
    if (recorded.type === 'Broken.v1') throw new Error('no schema for Broken');
    return plain.deserialize(recorded);
  },
};
const settings = { maxAttempts: 3, backoffMs: 5, backoffMaxMs: 50 };

const until = async (check: () => Promise<boolean>): Promise<void> => {
  const deadline = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('WebhookDispatcher', () => {
  let store: EventStore;
  let sent: WebhookRequest[];
  let webhook: ActiveWebhook;

  const append = async (type: string, tenantId = 'acme') => {
    const id = randomUUID();
    await store.appendToStream(`contact-${tenantId}.${randomUUID()}`, [
      { id, type, data: {}, metadata: { tenantId, recordedAt: new Date().toISOString() } },
    ]);
    return id;
  };

  let observed: [string, number | undefined][];
  const observe = (outcome: string, durationMs?: number) => observed.push([outcome, durationMs]);

  const dispatcher = (sender: WebhookSender) =>
    new WebhookDispatcher(
      webhook,
      { store, serializer, sender, secrets: () => box, settings, observe },
      (e) => {
        throw e;
      },
    );

  const okAfter =
    (ms: number): WebhookSender =>
    async (request) => {
      sent.push(request);
      await new Promise((resolve) => setTimeout(resolve, ms));
      return { ok: true, statusCode: 200, error: null, durationMs: ms };
    };

  beforeEach(() => {
    store = createSqliteEventStore({ path: ':memory:', pollIntervalMs: 5 });
    sent = [];
    observed = [];
    const id = `wh_${randomUUID().replace(/-/g, '')}`;
    webhook = {
      id,
      tenantId: 'acme',
      url: 'http://receiver.test/hook',
      eventTypes: ['*'],
      description: null,
      createdAt: new Date().toISOString(),
      deletedAt: null,
      sealedSecret: box.seal('the-secret', id),
      fromPosition: -1n,
    };
  });
  afterEach(() => store.close());

  it('doubles the wait after each failed attempt, up to the maximum', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, settings))).toEqual([5, 10, 20, 40, 50]);
  });

  it('records each delivery once when two dispatchers run the same webhook', async () => {
    const ids = [await append('ContactCreated.v1'), await append('ContactCreated.v1')];
    await append('ContactCreated.v1', 'other-tenant');
    ids.push(await append('ContactCreated.v1'));
    const first = dispatcher(okAfter(5));
    const second = dispatcher(okAfter(7));
    first.start();
    second.start();
    await until(async () => {
      const log = await readDeliveryLog(store, webhook.id);
      return [...log.deliveries.values()].filter((d) => d.status === 'succeeded').length === 3;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await Promise.all([first.stop(), second.stop()]);

    const recorded = await store.readStream(deliveryStream(webhook.id));
    const successes = recorded.filter((e) => e.type === 'WebhookDeliverySucceeded.v1');
    expect(successes.map((e) => (e.data.delivery as { eventId: string }).eventId)).toEqual(ids);
    // At least once to the target, each time under the delivery's one id.
    const byDelivery = new Set(sent.map((request) => request.headers['x-crm-delivery-id']));
    expect(byDelivery.size).toBe(3);
  });

  it('dead-letters an event it cannot read without sending it, and goes on', async () => {
    await append('Broken.v1');
    const next = await append('ContactCreated.v1');
    const running = dispatcher(okAfter(0));
    running.start();
    await until(async () => (await readDeliveryLog(store, webhook.id)).deliveries.size === 2);
    await running.stop();
    const [broken, delivered] = [...(await readDeliveryLog(store, webhook.id)).deliveries.values()];
    expect(broken).toMatchObject({ status: 'dead-lettered', eventType: 'Broken.v1', attempts: [] });
    expect(delivered).toMatchObject({ status: 'succeeded', eventId: next });
    expect(sent).toHaveLength(1);
    expect(observed).toEqual([
      ['dead_lettered', undefined],
      ['delivered', 0],
    ]);
  });

  it('waits the backoff between attempts and dead-letters after the last', async () => {
    const times: number[] = [];
    const failing: WebhookSender = async (request) => {
      sent.push(request);
      times.push(Date.now());
      return { ok: false, statusCode: 500, error: 'the target answered 500', durationMs: 1 };
    };
    webhook.eventTypes = ['ContactCreated'];
    await append('ContactCreated.v1');
    const running = dispatcher(failing);
    running.start();
    await until(async () =>
      [...(await readDeliveryLog(store, webhook.id)).deliveries.values()].some(
        (d) => d.status === 'dead-lettered',
      ),
    );
    await running.stop();
    expect(sent.map((r) => r.headers['x-crm-attempt'])).toEqual(['1', '2', '3']);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(4);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(9);
    expect(observed).toEqual([
      ['failed', 1],
      ['failed', 1],
      ['failed', 1],
      ['dead_lettered', undefined],
    ]);
  });
});
