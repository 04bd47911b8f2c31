import { EventSerializer, StoredEvent } from '@crm/event-store';
import { CommandBus } from '@nestjs/cqrs';
import { lastValueFrom, of, toArray } from 'rxjs';
import { CommandSender } from '../../../../apps/api/src/http/command-sender';
import { startTestApp, TENANT, TestApp } from '../../../../test/support/test-app';
import { CommandContext } from '../command-context';
import { ExecuteDomainCommand } from '../nest/execute-domain-command';
import { EVENT_SERIALIZER } from '../nest/tokens';
import { loadCheckpoint } from '../processes/process-checkpoints';
import { ProcessRunner } from '../processes/process-runner';
import { streamNameFor } from '../stream-name';
import { leadScoringProcess } from './lead-scoring.process';
import { publishScoringModel } from './scoring-model-publisher';
import { scoringModelStream } from './scoring-model-stream';

const USER = { kind: 'user', subject: 'marketer-1' } as const;
const context = (commandId: string): CommandContext => ({
  tenantId: TENANT,
  actorId: USER.subject,
  principal: USER,
  commandId,
  correlationId: commandId,
  causationId: commandId,
});
const MODEL = {
  fitRules: [
    { id: 'webinar', attribute: 'source', operator: 'equals', value: 'webinar', points: 15 },
  ] as const,
  threshold: 100,
};

describe('lead scoring process', () => {
  let t: TestApp;
  let serializer: EventSerializer;

  beforeEach(async () => {
    t = await startTestApp({ CRM_RUN_PROCESSES: 'false' });
    serializer = t.app.get<EventSerializer>(EVENT_SERIALIZER);
  });
  afterEach(() => t.close());

  const capture = (leadId: string) =>
    t.app.get(CommandSender).send(
      'lead',
      leadId,
      {
        type: 'CaptureLead',
        data: {
          leadId,
          source: 'webinar',
          contact: { firstName: 'A', lastName: leadId, email: `${leadId}@x.example` },
        },
      },
      context(`capture-${leadId}`),
    );
  const scoredEvents = async (leadId: string) =>
    (await t.store.readStream(streamNameFor('lead', TENANT, leadId))).filter((event) =>
      event.type.startsWith('LeadScored'),
    );
  const runUntilCaughtUp = async (): Promise<void> => {
    const definition = leadScoringProcess(t.store, serializer);
    const runner = new ProcessRunner(definition, t.store, serializer, t.app.get(CommandBus));
    runner.start();
    const [published] = await t.store.readStream(scoringModelStream(TENANT));
    for (let i = 0; i < 500; i++) {
      if (((await loadCheckpoint(t.store, definition.name)) ?? -1n) >= published.position) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await runner.stop();
  };

  it('resumes a rescoring cut short by a crash: every open lead scored once', async () => {
    for (const leadId of ['l-1', 'l-2', 'l-3']) await capture(leadId);
    await publishScoringModel(
      t.store,
      TENANT,
      { ...MODEL, fitRules: [...MODEL.fitRules], engagementRules: [] },
      USER,
      new Date(),
    );
    const [recorded] = await t.store.readStream(scoringModelStream(TENANT));
    const published = serializer.deserialize(recorded) as StoredEvent;
    const requests = await lastValueFrom(
      leadScoringProcess(t.store, serializer).saga(of(published)).pipe(toArray()),
    );
    expect(requests.map((request) => request.recordId).sort()).toEqual(['l-1', 'l-2', 'l-3']);
    // The crash: the first lead was rescored, the checkpoint never moved past the publication.
    const [first] = requests;
    await t.app
      .get(CommandBus)
      .execute(new ExecuteDomainCommand(first.kind, first.recordId, first.intent, first.context));

    await runUntilCaughtUp();

    for (const leadId of ['l-1', 'l-2', 'l-3']) {
      const scored = await scoredEvents(leadId);
      expect(scored.map((event) => event.data)).toEqual([
        { leadId, modelVersion: 1, changes: [{ rule: 'webinar', points: 15 }], score: 15 },
      ]);
      expect(scored[0].metadata).toMatchObject({
        actorId: 'process:lead-scoring',
        $causationId: published.id,
      });
    }
  });
});
