import { dealDecider, OpenDeal, PipelineStage } from '@crm/domain';
import {
  createEventSchemaRegistry,
  createEventSerializer,
  createSqliteEventStore,
} from '@crm/event-store';
import { allProjections, ProjectionRunner } from '@crm/projections';
import { createEmbeddedDocumentStore } from '@crm/read-store';
import { randomUUID } from 'node:crypto';
import { CommandExecutor, CommandWithoutMetadata } from '../command-executor';
import { ReadYourWrites } from '../read-side/read-your-writes';
import { openDealsFromFigures } from './open-deals-from-figures';

const STAGES: PipelineStage[] = [
  { stageId: 'discovery', name: 'Discovery', probability: 0.1 },
  { stageId: 'proposal', name: 'Proposal', probability: 0.5 },
];

describe('openDealsFromFigures', () => {
  const events = createSqliteEventStore({ path: ':memory:' });
  const documents = createEmbeddedDocumentStore({ path: ':memory:' });
  const serializer = createEventSerializer(createEventSchemaRegistry());
  const executor = new CommandExecutor(events, serializer);
  const project = () =>
    new ProjectionRunner(events, documents, serializer, allProjections).runToHead();
  const readYourWrites = new ReadYourWrites(
    documents,
    async () =>
      (await Promise.all(allProjections.map((p) => documents.activeGeneration(p.name)))).filter(
        (name): name is string => name !== undefined,
      ),
    undefined,
    100,
    () => events.headPosition(),
  );
  const fallback = jest.fn(async () => -1);
  const count = openDealsFromFigures(documents, readYourWrites, events, fallback);

  const openDeal = async (dealId: string, stageId: string) => {
    const command: CommandWithoutMetadata<OpenDeal> = {
      type: 'OpenDeal',
      data: {
        dealId,
        title: dealId,
        contactId: 'c1',
        amount: { amount: 10, currency: 'EUR' },
        pipelineId: 'sales',
        stageId,
        pipelineStages: STAGES,
        expectedCloseDate: '2026-03-31',
        ownerId: 'ann',
      },
    };
    const commandId = randomUUID();
    await executor.execute('deal', dealDecider, dealId, command, {
      tenantId: 'acme',
      actorId: 'ann',
      principal: { kind: 'user', subject: 'ann' },
      commandId,
      correlationId: commandId,
      causationId: commandId,
    });
  };

  afterEach(() => fallback.mockClear());
  afterAll(async () => {
    await events.close();
    await documents.close();
  });

  it('counts from the log while the rows are not built', async () => {
    await openDeal('d1', 'proposal');
    expect(await count('acme', 'sales', 'proposal')).toBe(-1);
    expect(fallback).toHaveBeenCalledWith('acme', 'sales', 'proposal');
  });

  it('counts the open rows of the stage once the read side is at the head', async () => {
    await openDeal('d2', 'proposal');
    await openDeal('d3', 'discovery');
    await project();
    expect(await count('acme', 'sales', 'proposal')).toBe(2);
    expect(await count('acme', 'sales', 'discovery')).toBe(1);
    expect(await count('globex', 'sales', 'proposal')).toBe(0);
    expect(fallback).not.toHaveBeenCalled();
  });

  it('counts from the log when the read side does not reach the head in time', async () => {
    await openDeal('d4', 'proposal');
    expect(await count('acme', 'sales', 'proposal')).toBe(-1);
    expect(fallback).toHaveBeenCalledTimes(1);
    await project();
    expect(await count('acme', 'sales', 'proposal')).toBe(3);
  });
});
