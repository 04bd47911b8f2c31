import { AnswerRecorder } from './answer-recorder';
import { eventually, WebhookReceiver } from './webhook-receiver';

type Delivery = { deliveryId: string; status: string; redeliveries: number };

/** The settings the tour needs: `receiver` allowed as a target, two quick attempts per round. */
export const WEBHOOK_TOUR_ENV = {
  CRM_WEBHOOK_ALLOWED_TARGETS: '127.0.0.1',
  CRM_WEBHOOK_MAX_ATTEMPTS: '2',
  CRM_WEBHOOK_BACKOFF_MS: '20',
};

/**
 * Every webhook route, with a delivery behind the log: a webhook on `receiver` gets one event,
 * whose two attempts fail (dead-lettered), is redelivered once it has ended and succeeds, then is
 * deleted. Needs the webhook dispatchers running and WEBHOOK_TOUR_ENV. Writes one account.
 */
export const webhookTour = async (
  { send }: AnswerRecorder,
  receiver: WebhookReceiver,
): Promise<void> => {
  receiver.answer = (index) => (index < 2 ? 500 : 204);
  const created = await send('post', '/webhooks', {
    url: receiver.url,
    eventTypes: ['AccountRegistered'],
    description: 'the answers tour',
  });
  const webhookId = (created.body as { id: string }).id;
  await send('post', '/accounts', { name: 'Hooked Ltd' });

  const log = `/webhooks/${webhookId}/deliveries`;
  const settled = (status: string, redeliveries: number) =>
    eventually(async () => {
      const [delivery] = ((await send('get', log)).body as { deliveries: Delivery[] }).deliveries;
      return delivery?.status === status && delivery.redeliveries === redeliveries
        ? delivery
        : undefined;
    });
  const dead = await settled('dead-lettered', 0);
  await send('post', `${log}/${dead.deliveryId}/redeliver`);
  await settled('succeeded', 1);
  await send('get', `${log}?status=succeeded&limit=1`);

  await send('get', '/webhooks');
  await send('get', `/webhooks/${webhookId}`);
  await send('delete', `/webhooks/${webhookId}`);
  await send('get', '/webhooks');
};
