import { verifySignature } from '@crm/application';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, WebhookReceiver } from '../support/webhook-receiver';
import {
  effectsPerTrigger,
  idsOf,
  onceEach,
  Progress,
  progressOf,
  readLog,
} from './automation-effects';
import { call, createContactThrough, killApi, RunningApi, startApi } from './automation-process';

const CONTACTS = 40;
const KILLS = 4;

const welcomeRule = {
  name: 'Welcome every new contact',
  trigger: { eventType: 'ContactCreated' },
  actions: [
    {
      command: 'ScheduleTask',
      data: {
        title: 'Welcome {{event.data.firstName}}',
        dueAt: '{{event.recordedAt + P1D}}',
        assigneeId: 'rep-1',
        relatedTo: { kind: 'contact', id: '{{event.recordId}}' },
      },
    },
    { command: 'TagContact', data: { contactId: '{{event.recordId}}', tag: 'welcomed' } },
  ],
};

const followUpRule = {
  name: 'Follow up a second later',
  trigger: { eventType: 'ContactCreated' },
  delay: { after: 'PT1S' },
  actions: [
    {
      command: 'ScheduleTask',
      data: {
        title: 'Follow up {{event.data.firstName}}',
        dueAt: '{{action.runAt + P2D}}',
        assigneeId: 'rep-2',
      },
    },
  ],
};

type Run = { actionIndex: number; outcome: string; trigger: { eventId: string } };
type Delivery = {
  deliveryId: string;
  eventId: string;
  status: string;
  attempts: { outcome: string }[];
};

const allRuns = async (api: RunningApi, ruleId: string): Promise<Run[]> =>
  (await call(api.baseUrl, 'GET', `/automation/rules/${ruleId}/runs?limit=500`)).body.runs as Run[];

const allDeliveries = async (api: RunningApi, webhookId: string): Promise<Delivery[]> =>
  (await call(api.baseUrl, 'GET', `/webhooks/${webhookId}/deliveries?limit=500`)).body
    .deliveries as Delivery[];

/** Each trigger's runs as `<action>:<outcome>` in order, for the triggers given. */
const runsPerTrigger = (runs: Run[], triggers: string[]): Map<string, string[]> => {
  const per = new Map<string, string[]>(triggers.map((id) => [id, []]));
  for (const run of runs) per.get(run.trigger.eventId)?.push(`${run.actionIndex}:${run.outcome}`);
  return per;
};

/**
 * Issue 12's crash test: the real API on an embedded data directory, rules (two immediate
 * actions, one delayed) and a webhook on the same event, contacts written through HTTP while the
 * process is SIGKILLed at pseudo-random moments and restarted; once all is quiet, every trigger
 * caused each effect exactly once. The receiver may see a delivery twice (at least once: a kill
 * between the target's answer and its record); the copies carry the same id and body, and
 * their signatures verify.
 */
describe('automation killed while rules, timers and webhooks are in flight', () => {
  let dir: string;
  let receiver: WebhookReceiver;
  let api: RunningApi | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-automation-crash-'));
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    if (api) await killApi(api);
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restarts into exactly one effect per trigger and action, and one recorded delivery each', async () => {
    api = await startApi(dir);
    const define = (rule: object) =>
      call(api!.baseUrl, 'POST', '/automation/rules', { body: rule });
    const welcome = String((await define(welcomeRule)).body.id);
    const followUp = String((await define(followUpRule)).body.id);
    const { body: webhook } = await call(api.baseUrl, 'POST', '/webhooks', {
      body: { url: receiver.url, eventTypes: ['ContactCreated'] },
    });
    const [webhookId, secret] = [String(webhook.id), String(webhook.secret)];

    const writing = (async () => {
      for (let index = 0; index < CONTACTS; index++) {
        await createContactThrough(() => api, index);
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    })();
    const pauses = fc.sample(fc.integer({ min: 300, max: 1200 }), { numRuns: KILLS, seed: 12 });
    const atKills: Progress[] = [];
    for (const pause of pauses) {
      await new Promise((resolve) => setTimeout(resolve, pause));
      const killed = api;
      api = undefined;
      await killApi(killed);
      atKills.push(progressOf(await readLog(dir)));
      api = await startApi(dir);
    }
    await writing;

    const contacts = idsOf(await readLog(dir), 'ContactCreated');
    expect(contacts).toHaveLength(CONTACTS);
    // Quiet: every action ran, every timer fired, every delivery is recorded.
    await eventually(async () => {
      const [welcomed, followed, deliveries] = await Promise.all([
        allRuns(api!, welcome),
        allRuns(api!, followUp),
        allDeliveries(api!, webhookId),
      ]);
      const done = (runs: Run[]) => runs.filter((run) => run.outcome !== 'scheduled').length;
      const delivered = deliveries.filter((d) => d.status === 'succeeded').length;
      return done(welcomed) >= 2 * CONTACTS && done(followed) >= CONTACTS && delivered >= CONTACTS
        ? true
        : undefined;
    }, 60_000);
    // Settle: a replay or a second timer would act again within this.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const [welcomed, followed, deliveries] = [
      await allRuns(api, welcome),
      await allRuns(api, followUp),
      await allDeliveries(api, webhookId),
    ];
    await killApi(api);
    api = undefined;
    const log = await readLog(dir);

    // The kills landed while work was in flight: some effects were still to come at a kill.
    expect(
      atKills.some(
        (at) =>
          at.ruleRuns < 4 * at.contacts || at.delivered < at.contacts || at.timers < at.contacts,
      ),
    ).toBe(true);
    expect(atKills.filter((at) => at.contacts > 0).length).toBeGreaterThanOrEqual(2);

    // Rules: one task and one tag per contact from the welcome rule, one task from the delayed one.
    const byWelcome = effectsPerTrigger(log, 'TaskScheduled', `rule:${welcome}`);
    const tags = effectsPerTrigger(log, 'ContactTagged', `rule:${welcome}`);
    const byFollowUp = effectsPerTrigger(log, 'TaskScheduled', `rule:${followUp}`);
    for (const effects of [byWelcome, tags, byFollowUp]) {
      expect(onceEach(effects, contacts)).toEqual({});
      expect(effects.size).toBe(CONTACTS);
    }
    // Runs listed once each: both actions done, the delayed one scheduled then done.
    for (const runs of runsPerTrigger(welcomed, contacts).values()) {
      expect(runs.sort()).toEqual(['0:done', '1:done']);
    }
    for (const runs of runsPerTrigger(followed, contacts).values()) {
      expect(runs).toEqual(['0:scheduled', '0:done']);
    }
    expect(welcomed).toHaveLength(2 * CONTACTS);
    expect(followed).toHaveLength(2 * CONTACTS);
    expect(idsOf(log, 'AutomationTimerFired')).toHaveLength(CONTACTS);

    // Webhook: one recorded delivery per contact, succeeded once.
    expect(deliveries.map((d) => d.eventId).sort()).toEqual([...contacts].sort());
    for (const delivery of deliveries) {
      expect(delivery.status).toBe('succeeded');
      expect(delivery.attempts.filter((a) => a.outcome === 'succeeded')).toHaveLength(1);
    }
    expect(idsOf(log, 'WebhookDeliverySucceeded')).toHaveLength(CONTACTS);
    // The receiver saw every delivery id, some perhaps twice: same body, a valid signature.
    const received = new Map<string, string[]>();
    for (const { headers, body } of receiver.accepted()) {
      expect(verifySignature(secret, String(headers['x-crm-signature']), body)).toBe(true);
      const id = String(headers['x-crm-delivery-id']);
      received.set(id, [...(received.get(id) ?? []), body]);
    }
    expect([...received.keys()].sort()).toEqual(deliveries.map((d) => d.deliveryId).sort());
    for (const [id, bodies] of received) {
      expect(new Set(bodies).size).toBe(1);
      expect(JSON.parse(bodies[0]).deliveryId).toBe(id);
    }
    const repeats = receiver.accepted().length - received.size;
    process.stdout.write(
      `automation crash: ${KILLS} kills at ${JSON.stringify(atKills)}; ` +
        `${repeats} delivery repeat(s) seen by the receiver\n`,
    );
  }, 150_000);
});
