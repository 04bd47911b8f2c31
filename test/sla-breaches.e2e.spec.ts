import {
  CommandContext,
  ExecuteDomainCommand,
  intentFromOutside,
  loadConfig,
  ReadYourWrites,
  SlaBreachDetector,
  SlaBreachTimer,
} from '@crm/application';
import { AggregateKind, TicketFirstResponseBreached } from '@crm/domain';
import { createSqliteEventStore, EventStore, RecordedEvent } from '@crm/event-store';
import { ticketsProjection, TicketDocument } from '@crm/projections';
import { ReadModels } from '@crm/queries';
import { createEmbeddedDocumentStore } from '@crm/read-store';
import { CommandBus } from '@nestjs/cqrs';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../apps/api/src/create-app';
import { CommandSender } from '../apps/api/src/http/command-sender';

const TENANT = 'acme';
const MINUTE = 60_000;
const OPENED_AT = new Date('2026-03-02T09:00:00.000Z');

/** The API over stores on disk, with a clock the test moves; stopping it and starting another is a restart. */
const startApp = async (dir: string, clock: () => Date) => {
  const store = createSqliteEventStore({ path: join(dir, 'events.sqlite') });
  const app = await createApp({
    // Checked at the start, then only when the test asks.
    config: loadConfig({ CRM_SLA_CHECK_INTERVAL_MS: '3600000', CRM_DATA_DIR: dir }),
    eventStore: store,
    documentStore: createEmbeddedDocumentStore({ path: join(dir, 'readmodels.sqlite') }),
    clock,
    logger: false,
  });
  return { app, store };
};

const send = async (
  app: NestFastifyApplication,
  kind: AggregateKind,
  id: string,
  type: string,
  data: Record<string, unknown>,
) => {
  const commandId = randomUUID();
  const context: CommandContext = {
    tenantId: TENANT,
    actorId: 'agent-1',
    principal: { kind: 'user', subject: 'agent-1' },
    commandId,
    correlationId: commandId,
    causationId: commandId,
  };
  const intent = intentFromOutside(kind, { type, data: { [`${kind}Id`]: id, ...data } });
  const result = await app.get(CommandSender).send(kind, id, intent, context);
  await app.get(ReadYourWrites).waitFor(result.position);
  return result;
};

const openTicket = async (app: NestFastifyApplication, priority: string): Promise<string> => {
  const contactId = randomUUID();
  await send(app, 'contact', contactId, 'CreateContact', {
    firstName: 'Ada',
    lastName: 'Lovelace',
    emails: [],
    phones: [],
  });
  const ticketId = randomUUID();
  await send(app, 'ticket', ticketId, 'OpenTicket', {
    contactId,
    channel: 'email',
    priority,
    subject: 'Printer on fire',
  });
  return ticketId;
};

const breachesOf = async (store: EventStore, ticketId: string): Promise<RecordedEvent[]> =>
  (await store.readStream(`ticket-${TENANT}.${ticketId}`)).filter((e) =>
    e.type.includes('Breached'),
  );

const eventually = async <T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
  for (let i = 0; ; i++) {
    const value = await read();
    if (done(value) || i >= 200) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

describe('SLA breach detector', () => {
  let dir: string;
  let now: Date;
  const clock = () => now;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-sla-'));
    now = OPENED_AT;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('records a deadline that passed while the app was down after the restart, once', async () => {
    const first = await startApp(dir, clock);
    let ticketId: string;
    try {
      ticketId = await openTicket(first.app, 'urgent');
      expect(await first.app.get(SlaBreachTimer).detector.checkNow()).toEqual({
        recorded: 0,
        refused: 0,
      });
    } finally {
      await first.app.close();
    }

    now = new Date(OPENED_AT.getTime() + 31 * MINUTE);
    const second = await startApp(dir, clock);
    try {
      const breaches = await eventually(
        () => breachesOf(second.store, ticketId),
        (found) => found.length > 0,
      );
      expect(breaches.map((e) => e.type)).toEqual(['TicketFirstResponseBreached.v1']);
      expect(breaches[0].data).toEqual({
        ticketId,
        priority: 'urgent',
        dueAt: '2026-03-02T09:30:00.000Z',
        breachedAt: now.toISOString(),
      });
      expect(breaches[0].metadata).toMatchObject({
        principal: { kind: 'process', subject: 'process:sla-breaches' },
        idempotencyKey: `sla-breaches:${ticketId}:first-response:2026-03-02T09:30:00.000Z`,
      });

      // Checked again before and after the read model has the breach: nothing more.
      await second.app.get(SlaBreachTimer).detector.checkNow();
      await second.app.get(ReadYourWrites).waitFor(await second.store.headPosition());
      expect(await second.app.get(SlaBreachTimer).detector.checkNow()).toEqual({
        recorded: 0,
        refused: 0,
      });
      expect(await breachesOf(second.store, ticketId)).toHaveLength(1);

      const tickets = await second.app
        .get(ReadModels)
        .collection<TicketDocument>(ticketsProjection.name);
      const [ticket] = await tickets.find({ ticketId });
      expect(ticket.slaBreaches).toEqual([
        {
          target: 'first-response',
          dueAt: '2026-03-02T09:30:00.000Z',
          breachedAt: now.toISOString(),
          priority: 'urgent',
        },
      ]);
      const timeline = await (
        await second.app.get(ReadModels).collection('timeline')
      ).find({
        ticketId,
      });
      // Entries keep facts; their line is worded when read (facts/ticket.timeline.spec.ts).
      expect(timeline.map((entry) => entry.type)).toContain('TicketFirstResponseBreached');
    } finally {
      await second.app.close();
    }
  });

  it('records a breach once when two detectors check at the same time', async () => {
    const { app, store } = await startApp(dir, clock);
    try {
      const ticketId = await openTicket(app, 'urgent');
      now = new Date(OPENED_AT.getTime() + 9 * 60 * MINUTE);
      const timer = app.get(SlaBreachTimer);
      const other = new SlaBreachDetector({
        caughtUp: async () => app.get(ReadYourWrites).waitFor(await store.headPosition()),
        tickets: () => app.get(ReadModels).collection<TicketDocument>(ticketsProjection.name),
        execute: ({ kind, recordId, intent, context }) =>
          app.get(CommandBus).execute(new ExecuteDomainCommand(kind, recordId, intent, context)),
        clock,
        intervalMs: 3_600_000,
      });
      const outcomes = await Promise.all([timer.detector.checkNow(), other.checkNow()]);
      expect(outcomes.reduce((sum, o) => sum + o.recorded, 0)).toBe(2);
      const breaches = await breachesOf(store, ticketId);
      expect(breaches.map((e) => e.type).sort()).toEqual([
        'TicketFirstResponseBreached.v1',
        'TicketResolutionBreached.v1',
      ]);
    } finally {
      await app.close();
    }
  });

  it('holds a ticket to the deadline its priority change set', async () => {
    const { app, store } = await startApp(dir, clock);
    try {
      const ticketId = await openTicket(app, 'normal');
      now = new Date(OPENED_AT.getTime() + 2 * 60 * MINUTE);
      const { detector } = app.get(SlaBreachTimer);
      expect((await detector.checkNow()).recorded).toBe(0);
      await send(app, 'ticket', ticketId, 'ChangeTicketPriority', { priority: 'urgent' });
      expect((await detector.checkNow()).recorded).toBe(1);
      const [breach] = await breachesOf(store, ticketId);
      expect((breach.data as TicketFirstResponseBreached['data']).dueAt).toBe(
        '2026-03-02T09:30:00.000Z',
      );
    } finally {
      await app.close();
    }
  });
});
