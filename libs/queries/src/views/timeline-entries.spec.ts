import {
  CorrectInteractionLinks,
  LogNote,
  MoveDealStage,
  RenamePipelineStage,
  SetContactCustomField,
  TagContact,
  UnlinkContactFromAccount,
  UntagContact,
} from '@crm/domain';
import { TimelineEntryDocument } from '@crm/projections';
import { readCollections } from './read-model-collections';
import { timeline } from './timeline';
import {
  createContact,
  createViewsWorld,
  definePipeline,
  eur,
  openDeal,
  registerAccount,
  STAGES,
  TENANT,
  ViewsWorld,
} from './views.test-kit';

/** The lines of a record's timeline, newest first. */
const linesOf = async (world: ViewsWorld, subject: Parameters<typeof timeline>[2]) =>
  ((await timeline(world.readModels, TENANT, subject, { limit: 100 }))?.entries ?? []).map(
    (entry) => entry.summary,
  );

const storedEntries = async (world: ViewsWorld, type: string) =>
  (await readCollections(world.readModels).timeline()).find(
    { tenantId: TENANT, type },
    { sort: { position: 1 } },
  );

describe('timeline entries as answered: lines worded when read', () => {
  let world: ViewsWorld;
  beforeAll(async () => {
    world = createViewsWorld();
    await definePipeline(world, 'p-1');
    await registerAccount(world, 'acc-1');
    await createContact(world, 'c-1', { accountId: 'acc-1' });
    world.at('2026-01-02T09:00:00.000Z');
    await openDeal(world, 'd-1', { pipelineId: 'p-1', contactId: 'c-1', amount: eur(1000) });
    for (const [at, stageId] of [
      ['2026-01-03T09:00:00.000Z', 'proposal'],
      ['2026-01-04T09:00:00.000Z', 'negotiation'],
    ]) {
      world.at(at);
      await world.send<MoveDealStage>('deal', 'd-1', {
        type: 'MoveDealStage',
        data: { dealId: 'd-1', stageId, pipelineStages: STAGES },
      });
    }
    world.at('2026-01-05T09:00:00.000Z');
    await world.send<TagContact>('contact', 'c-1', {
      type: 'TagContact',
      data: { contactId: 'c-1', tag: 'vip' },
    });
    await world.send<UntagContact>('contact', 'c-1', {
      type: 'UntagContact',
      data: { contactId: 'c-1', tag: 'vip' },
    });
    await world.send<SetContactCustomField>('contact', 'c-1', {
      type: 'SetContactCustomField',
      data: { contactId: 'c-1', key: 'tier', value: 'gold' },
    });
    await world.send<SetContactCustomField>('contact', 'c-1', {
      type: 'SetContactCustomField',
      data: { contactId: 'c-1', key: 'tier', value: null },
    });
    world.at('2026-01-05T10:00:00.000Z');
    await world.send<LogNote>('interaction', 'i-1', {
      type: 'LogNote',
      data: {
        interactionId: 'i-1',
        contactId: 'c-1',
        accountId: 'acc-1',
        occurredAt: '2026-01-05T10:00:00.000Z',
        body: 'Met at the fair',
      },
    });
    world.at('2026-01-06T09:00:00.000Z');
    await world.send<CorrectInteractionLinks>('interaction', 'i-1', {
      type: 'CorrectInteractionLinks',
      data: { interactionId: 'i-1', accountId: null },
    });
    world.at('2026-01-07T09:00:00.000Z');
    await world.send<UnlinkContactFromAccount>('contact', 'c-1', {
      type: 'UnlinkContactFromAccount',
      data: { contactId: 'c-1' },
    });
    await world.project();
  });
  afterAll(() => world.close());

  it('stage moves name the stages of the deal pipeline', async () => {
    expect(await linesOf(world, { dealId: 'd-1' })).toEqual([
      'Stage moved: Proposal → Negotiation (80%)',
      'Stage moved: Discovery → Proposal (50%)',
      'Deal opened: Deal d-1 (1000 EUR)',
    ]);
  });

  it('a stage renamed later shows its new name, and no stored entry changes', async () => {
    const before = await storedEntries(world, 'DealStageMoved');
    expect(before.map((entry) => entry.facts)).toEqual([
      { fromStageId: 'discovery', toStageId: 'proposal', probability: 0.5 },
      { fromStageId: 'proposal', toStageId: 'negotiation', probability: 0.8 },
    ]);
    for (const entry of before) expect(entry).not.toHaveProperty('summary');

    await world.send<RenamePipelineStage>('pipeline', 'p-1', {
      type: 'RenamePipelineStage',
      data: { pipelineId: 'p-1', stageId: 'proposal', name: 'Offer' },
    });
    await world.project();

    expect((await linesOf(world, { dealId: 'd-1' })).slice(0, 2)).toEqual([
      'Stage moved: Offer → Negotiation (80%)',
      'Stage moved: Discovery → Offer (50%)',
    ]);
    const after: TimelineEntryDocument[] = await storedEntries(world, 'DealStageMoved');
    expect(after).toEqual(before);
  });

  it("tags, custom fields and unlinking are on the contact's timeline", async () => {
    expect((await linesOf(world, { contactId: 'c-1' })).slice(0, 6)).toEqual([
      'Unlinked from account acc-1',
      'Links corrected: account unlinked (was acc-1)',
      'Note: Met at the fair',
      'Custom field cleared: tier',
      'Custom field set: tier',
      'Tag removed: vip',
    ]);
    expect(await linesOf(world, { contactId: 'c-1' })).toContain('Tag added: vip');
  });

  it("the account's timeline shows its contact and the interaction leaving it", async () => {
    expect((await linesOf(world, { accountId: 'acc-1' })).slice(0, 3)).toEqual([
      'Unlinked from account acc-1',
      'Links corrected: account unlinked (was acc-1)',
      'Note: Met at the fair',
    ]);
  });

  it('answers entries in their former shape: a summary, no facts', async () => {
    const page = await timeline(world.readModels, TENANT, { dealId: 'd-1' }, { limit: 1 });
    const [entry] = page?.entries ?? [];
    expect(Object.keys(entry).sort()).toEqual(
      ['eventId', 'type', 'occurredAt', 'position', 'dealId', 'summary', 'actorId'].sort(),
    );
  });
});
