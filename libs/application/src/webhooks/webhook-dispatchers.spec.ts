import { EventSerializer, EventStore } from '@crm/event-store';
import { SecretBox } from './secret-sealing';
import { WebhookDispatchers } from './webhook-dispatchers';
import { ActiveWebhook, WebhookRegistry } from './webhook-registry';

const webhook = { id: 'wh-1', tenantId: 'acme', fromPosition: -1n } as unknown as ActiveWebhook;

/** A log whose reads fail while `broken`; its subscription waits until it is stopped. */
const storeThatFails = (state: { broken: boolean }): EventStore =>
  ({
    readStream: async () => {
      if (state.broken) throw new Error('event store unreachable');
      return [];
    },
    subscribeToAll: async function* ({ signal }: { signal: AbortSignal }) {
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
      yield* [];
    },
  }) as unknown as EventStore;

const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

describe('WebhookDispatchers health', () => {
  it('is down naming a stopped dispatcher and its error, up again once it runs', async () => {
    const state = { broken: true };
    const registry = {
      refresh: async () => undefined,
      active: () => [webhook],
      deliversAt: () => true,
    } as unknown as WebhookRegistry;
    const dispatchers = new WebhookDispatchers(registry, {
      store: storeThatFails(state),
      serializer: {} as EventSerializer,
      sender: async () => ({ ok: true, statusCode: 200, error: null, durationMs: 1 }),
      secrets: () => ({}) as SecretBox,
      settings: { maxAttempts: 1, backoffMs: 0, backoffMaxMs: 0 },
      pollIntervalMs: 20,
    });
    try {
      await dispatchers.start();
      await settle();
      expect(dispatchers.health()).toEqual({
        status: 'down',
        stopped: { 'wh-1': 'event store unreachable' },
      });
      state.broken = false;
      await settle();
      expect(dispatchers.health()).toEqual({ status: 'up', dispatching: 1 });
    } finally {
      await dispatchers.stop();
    }
  });

  it('is down while the registrations cannot be read, up once they can', async () => {
    let failing = true;
    const registry = {
      refresh: async () => {
        if (failing) throw new Error('registry unreadable');
      },
      active: () => [],
      deliversAt: () => true,
    } as unknown as WebhookRegistry;
    const dispatchers = new WebhookDispatchers(registry, {
      store: storeThatFails({ broken: false }),
      serializer: {} as EventSerializer,
      sender: async () => ({ ok: true, statusCode: 200, error: null, durationMs: 1 }),
      secrets: () => ({}) as SecretBox,
      settings: { maxAttempts: 1, backoffMs: 0, backoffMaxMs: 0 },
      pollIntervalMs: 20,
    });
    failing = false;
    await dispatchers.start();
    try {
      failing = true;
      await settle();
      expect(dispatchers.health()).toEqual({ status: 'down', registry: 'registry unreadable' });
      failing = false;
      await settle();
      expect(dispatchers.health()).toEqual({ status: 'up', dispatching: 0 });
    } finally {
      await dispatchers.stop();
    }
  });
});
