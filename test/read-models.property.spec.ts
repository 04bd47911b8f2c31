import { DomainError, deciderFor, isAggregateKind } from '@crm/domain';
import {
  EVENT_SERIALIZER,
  intentFromOutside,
  PROJECTION_RUNNER,
  parseStreamName,
  ReferenceNotFoundError,
} from '@crm/application';
import { EventSerializer } from '@crm/event-store';
import { allProjections, ProjectionRunner } from '@crm/projections';
import { createEmbeddedDocumentStore, Document } from '@crm/read-store';
import fc from 'fast-check';
import { CommandSender } from '../apps/api/src/http/command-sender';
import { directContext } from './support/direct-commands';
import { Operation, operationArbitrary, prelude } from './support/random-operations';
import { dumpReadModels } from './support/read-model-dump';
import { startTestApp, TestApp } from './support/test-app';

type State = { exists: boolean } & Record<string, unknown>;

const execute = async (t: TestApp, operation: Operation): Promise<void> => {
  const { kind, recordId, type, data } = operation;
  if (!isAggregateKind(kind)) throw new Error(`unknown kind ${kind}`);
  try {
    await t.app
      .get(CommandSender)
      .send(kind, recordId, intentFromOutside(kind, { type, data }), directContext());
  } catch (error) {
    if (!(error instanceof DomainError) && !(error instanceof ReferenceNotFoundError)) throw error;
  }
};

/** The domain's own state of every record, folded straight from the log: the independent answer. */
const statesFromLog = async (t: TestApp): Promise<Map<string, State>> => {
  const serializer = t.app.get<EventSerializer>(EVENT_SERIALIZER);
  const states = new Map<string, State>();
  for (const recorded of await t.store.readAll({ maxCount: 100_000 })) {
    const stream = parseStreamName(recorded.streamName);
    if (!stream || !isAggregateKind(stream.kind)) continue;
    const decider = deciderFor(stream.kind);
    const key = `${stream.kind}:${stream.recordId}`;
    states.set(
      key,
      decider.evolve(
        states.get(key) ?? decider.initialState(),
        serializer.deserialize(recorded),
      ) as State,
    );
  }
  return states;
};

const byRecord = (documents: Document[], idField: string) =>
  new Map(documents.map((d) => [String(d[idField]), d]));

const expectMatchesDomain = (dump: Record<string, Document[]>, states: Map<string, State>) => {
  const views = {
    deal: byRecord(dump.deals, 'dealId'),
    lead: byRecord(dump.leads, 'leadId'),
    ticket: byRecord(dump.tickets, 'ticketId'),
    task: byRecord(dump.tasks, 'taskId'),
    contact: byRecord(dump.contacts, 'contactId'),
    account: byRecord(dump.accounts, 'accountId'),
  };
  const fields: Record<keyof typeof views, string[]> = {
    deal: ['status', 'stageId', 'amount', 'probability'],
    lead: ['status', 'score'],
    ticket: ['status', 'priority'],
    task: ['status', 'dueAt'],
    contact: ['status', 'accountId', 'tags'],
    account: ['status', 'tags'],
  };
  for (const [key, state] of states) {
    const [kind, recordId] = key.split(':') as [keyof typeof views | string, string];
    if (!(kind in views) || !state.exists) continue;
    const document = views[kind as keyof typeof views].get(recordId);
    expect(document).toBeDefined();
    for (const field of fields[kind as keyof typeof views]) {
      expect({ key, field, value: document?.[field] }).toEqual({ key, field, value: state[field] });
    }
  }
  const recordCount = [...states.keys()].filter((k) => k.startsWith('deal:')).length;
  expect(dump.deals).toHaveLength(recordCount);
};

describe('read models under random command sequences', () => {
  it('live == rebuilt == recomputed from the events', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(operationArbitrary, { minLength: 20, maxLength: 120 }),
        async (operations) => {
          const t = await startTestApp();
          try {
            for (const operation of [...prelude, ...operations]) await execute(t, operation);
            const head = await t.head();
            const runner = t.app.get<ProjectionRunner>(PROJECTION_RUNNER);
            expect(await runner.waitForPosition(head, 10_000)).toBe(true);
            const live = await dumpReadModels(t.documents);

            const fresh = createEmbeddedDocumentStore({ path: ':memory:' });
            const serializer = t.app.get<EventSerializer>(EVENT_SERIALIZER);
            await new ProjectionRunner(t.store, fresh, serializer, allProjections).runToHead();
            const rebuilt = await dumpReadModels(fresh);
            await fresh.close();

            expect(rebuilt).toEqual(live);
            expectMatchesDomain(live, await statesFromLog(t));
          } finally {
            await t.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
