import { EventSerializer } from '@crm/event-store';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CommandSender } from '../../../../apps/api/src/http/command-sender';
import { startTestApp, TENANT, TestApp } from '../../../../test/support/test-app';
import { CommandContext } from '../command-context';
import { EVENT_SERIALIZER } from '../nest/tokens';
import { streamNameFor } from '../stream-name';
import { leadConversionProcess } from './lead-conversion.saga';
import { loadCheckpoint, parkedStream } from './process-checkpoints';
import { ProcessDefinition } from './process-definition';
import { ProcessRunner } from './process-runner';

const context = (): CommandContext => {
  const commandId = randomUUID();
  return {
    tenantId: TENANT,
    actorId: 'rep-1',
    principal: { kind: 'user', subject: 'rep-1' },
    commandId,
    correlationId: commandId,
    causationId: commandId,
  };
};

describe('lead conversion process manager', () => {
  let t: TestApp;
  let send: CommandSender['send'];

  beforeEach(async () => {
    t = await startTestApp({ CRM_RUN_PROCESSES: 'false' });
    const sender = t.app.get(CommandSender);
    send = sender.send.bind(sender);
  });
  afterEach(() => t.close());

  const runUntilCaughtUp = async (
    definition: ProcessDefinition = leadConversionProcess,
  ): Promise<void> => {
    const runner = new ProcessRunner(
      definition,
      t.store,
      t.app.get<EventSerializer>(EVENT_SERIALIZER),
      t.app.get(CommandBus),
    );
    runner.start();
    const conversions = (await t.store.readAll({ maxCount: 10_000 })).filter((e) =>
      e.type.startsWith('LeadConverted'),
    );
    const target = conversions[conversions.length - 1]?.position ?? -1n;
    for (let i = 0; i < 200; i++) {
      const checkpoint = (await loadCheckpoint(t.store, definition.name)) ?? -1n;
      if (checkpoint >= target) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await runner.stop();
  };

  const convertedLead = async (options: { withDeal: boolean }): Promise<string> => {
    const leadId = randomUUID();
    await send(
      'pipeline',
      'sales',
      {
        type: 'DefinePipeline',
        data: {
          pipelineId: 'sales',
          name: 'Sales',
          stages: [{ stageId: 'new', name: 'New', probability: 0.1 }],
        },
      },
      context(),
    ).catch(() => undefined);
    await send(
      'lead',
      leadId,
      {
        type: 'CaptureLead',
        data: {
          leadId,
          source: 'web',
          contact: {
            firstName: 'Ada',
            lastName: 'Byron',
            email: 'ada@example.com',
            company: 'Engines Ltd',
            industry: 'Manufacturing',
            companySize: 120,
            country: 'gb',
          },
        },
      },
      context(),
    );
    await send('lead', leadId, { type: 'QualifyLead', data: { leadId } }, context());
    await send(
      'lead',
      leadId,
      {
        type: 'ConvertLead',
        data: {
          leadId,
          ...(options.withDeal && {
            deal: {
              title: 'Engines',
              pipelineId: 'sales',
              amount: { amount: 5000, currency: 'EUR' },
              expectedCloseDate: '2026-06-30',
            },
          }),
        },
      },
      context(),
    );
    return leadId;
  };

  const conversionOf = async (leadId: string) => {
    const [converted] = await t.store.readStream(streamNameFor('lead', TENANT, leadId), {
      fromRevision: 2n,
    });
    return converted;
  };

  it('creates the account, the contact and the deal a converted lead became', async () => {
    const leadId = await convertedLead({ withDeal: true });
    await runUntilCaughtUp();

    const converted = await conversionOf(leadId);
    const { contactId, account, deal } = converted.data as {
      contactId: string;
      account: { accountId: string };
      deal: { dealId: string };
    };
    const [accountEvent] = await t.store.readStream(
      streamNameFor('account', TENANT, account.accountId),
    );
    const [contactEvent] = await t.store.readStream(streamNameFor('contact', TENANT, contactId));
    const [dealEvent] = await t.store.readStream(streamNameFor('deal', TENANT, deal.dealId));

    expect(accountEvent).toMatchObject({
      type: 'AccountRegistered.v1',
      data: {
        name: 'Engines Ltd',
        industry: 'Manufacturing',
        size: '51-200',
        address: { country: 'GB' },
      },
    });
    expect(contactEvent).toMatchObject({
      type: 'ContactCreated.v1',
      data: { firstName: 'Ada', accountId: account.accountId, origin: { leadId } },
    });
    expect(dealEvent).toMatchObject({
      type: 'DealOpened.v2',
      data: { contactId, stageId: 'new', probability: 0.1 },
    });
    for (const event of [accountEvent, contactEvent, dealEvent]) {
      expect(event.metadata).toMatchObject({
        $causationId: converted.id,
        $correlationId: converted.metadata.$correlationId,
      });
    }
  });

  it('duplicates nothing when the log is processed again from the start, as after a crash', async () => {
    await convertedLead({ withDeal: true });
    await runUntilCaughtUp();
    const before = await t.head();

    await runUntilCaughtUp({ ...leadConversionProcess, name: 'lead-conversion-replayed' });

    const appended = await t.store.readAll({ after: before });
    expect(appended.map((e) => e.streamName)).toEqual(
      appended.map(() => 'crmprocess-checkpoint.lead-conversion-replayed'),
    );
  });

  it('parks a conversion whose commands a rule refuses and goes on with the next', async () => {
    const leadId = await convertedLead({ withDeal: true });
    const converted = await conversionOf(leadId);
    // The stage the deal was to open in is removed before the process gets to it.
    await send(
      'pipeline',
      'sales',
      {
        type: 'AddPipelineStage',
        data: { pipelineId: 'sales', stage: { stageId: 'won', name: 'Won', probability: 1 } },
      },
      context(),
    );
    await send(
      'pipeline',
      'sales',
      { type: 'RemovePipelineStage', data: { pipelineId: 'sales', stageId: 'new' } },
      context(),
    );
    const second = await convertedLead({ withDeal: false });
    await runUntilCaughtUp();
    await runUntilCaughtUp();

    const parked = await t.store.readStream(parkedStream('lead-conversion'));
    expect(parked).toHaveLength(1);
    expect(parked[0].data).toMatchObject({
      eventId: converted.id,
      errorCode: 'DEAL_UNKNOWN_STAGE',
    });
    const secondConversion = await conversionOf(second);
    const created = await t.store.readStream(
      streamNameFor('contact', TENANT, (secondConversion.data as { contactId: string }).contactId),
    );
    expect(created).toHaveLength(1);
  });
});
