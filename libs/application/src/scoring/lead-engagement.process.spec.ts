import { EventSerializer, StoredEvent } from '@crm/event-store';
import { DocumentStore } from '@crm/read-store';
import { CommandBus } from '@nestjs/cqrs';
import { lastValueFrom, of, toArray } from 'rxjs';
import { CommandSender } from '../../../../apps/api/src/http/command-sender';
import { startTestApp, TENANT, TestApp } from '../../../../test/support/test-app';
import { CommandContext } from '../command-context';
import { ExecuteDomainCommand } from '../nest/execute-domain-command';
import { DOCUMENT_STORE, EVENT_SERIALIZER } from '../nest/tokens';
import { loadCheckpoint } from '../processes/process-checkpoints';
import { ProcessRunner } from '../processes/process-runner';
import { ReadYourWrites } from '../read-side/read-your-writes';
import { streamNameFor } from '../stream-name';
import { leadEngagementProcess } from './lead-engagement.process';

const USER = { kind: 'user', subject: 'rep-1' } as const;
const context = (commandId: string): CommandContext => ({
  tenantId: TENANT,
  actorId: USER.subject,
  principal: USER,
  commandId,
  correlationId: commandId,
  causationId: commandId,
});

describe('lead engagement process', () => {
  let t: TestApp;
  let serializer: EventSerializer;

  beforeEach(async () => {
    t = await startTestApp({ CRM_RUN_PROCESSES: 'false' });
    serializer = t.app.get<EventSerializer>(EVENT_SERIALIZER);
  });
  afterEach(() => t.close());

  const definition = () =>
    leadEngagementProcess({
      store: t.store,
      serializer,
      documents: t.app.get<DocumentStore>(DOCUMENT_STORE),
      readModelsAt: (position) => t.app.get(ReadYourWrites).waitFor(position),
    });
  const send = (kind: 'lead' | 'contact' | 'interaction', id: string, intent: object) =>
    t.app.get(CommandSender).send(kind, id, intent as never, context(`${kind}-${id}`));
  const capture = (leadId: string, email: string) =>
    send('lead', leadId, {
      type: 'CaptureLead',
      data: { leadId, source: 'web', contact: { firstName: 'A', lastName: leadId, email } },
    });
  const engagedEvents = async (leadId: string) =>
    (await t.store.readStream(streamNameFor('lead', TENANT, leadId))).filter((event) =>
      event.type.startsWith('LeadEngaged'),
    );
  const runUntilPast = async (position: bigint): Promise<void> => {
    const process = definition();
    const runner = new ProcessRunner(process, t.store, serializer, t.app.get(CommandBus));
    runner.start();
    for (let i = 0; i < 500; i++) {
      if (((await loadCheckpoint(t.store, process.name)) ?? -1n) >= position) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await runner.stop();
  };

  it("resumes after a crash: every open lead with the contact's email engaged once", async () => {
    await capture('l-1', 'Ada@X.example');
    await capture('l-2', 'ada@x.example');
    await capture('l-3', 'bob@x.example');
    await send('contact', 'c-1', {
      type: 'CreateContact',
      data: {
        contactId: 'c-1',
        firstName: 'Ada',
        lastName: 'X',
        emails: [{ address: 'ADA@x.example' }],
        phones: [],
      },
    });
    await send('interaction', 'i-1', {
      type: 'LogCall',
      data: {
        interactionId: 'i-1',
        contactId: 'c-1',
        occurredAt: '2026-03-03T10:00:00.000Z',
        direction: 'inbound',
        durationSeconds: 60,
        outcome: 'connected',
      },
    });
    const [recorded] = await t.store.readStream(streamNameFor('interaction', TENANT, 'i-1'));
    const call = serializer.deserialize(recorded) as StoredEvent;
    const requests = await lastValueFrom(definition().saga(of(call)).pipe(toArray()));
    expect(requests.map((request) => request.recordId)).toEqual(['l-1', 'l-2']);
    // The crash: the first lead was engaged, the checkpoint never moved past the call.
    const [first] = requests;
    await t.app
      .get(CommandBus)
      .execute(new ExecuteDomainCommand(first.kind, first.recordId, first.intent, first.context));

    await runUntilPast(call.position);

    for (const leadId of ['l-1', 'l-2']) {
      const engaged = await engagedEvents(leadId);
      expect(engaged.map((event) => event.data)).toEqual([
        { leadId, kind: 'call-logged', at: '2026-03-03T10:00:00.000Z', sourceEventId: call.id },
      ]);
      expect(engaged[0].metadata).toMatchObject({
        actorId: 'process:lead-engagement',
        $causationId: call.id,
      });
    }
    expect(await engagedEvents('l-3')).toEqual([]);
  });
});
