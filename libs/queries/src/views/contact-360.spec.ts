import { contact360 } from './contact-360';
import { NOW, seedScenario } from './views.scenario';
import { createViewsWorld, OTHER_TENANT, TENANT, ViewsWorld } from './views.test-kit';

describe('contact360', () => {
  let world: ViewsWorld;
  beforeAll(async () => {
    world = createViewsWorld();
    await seedScenario(world);
  });
  afterAll(() => world.close());

  const ada = async () => {
    const view = await contact360(world.readModels, TENANT, 'c-1', NOW);
    if (view === null) throw new Error('c-1 not found');
    return view;
  };
  const ids = <T>(items: T[], id: (item: T) => string) => items.map(id);

  it('shows the profile, account, owner, tags, custom fields, consents and lead origin', async () => {
    const view = await ada();
    expect(view.profile).toMatchObject({ contactId: 'c-1', fullName: 'Ada Lovelace' });
    expect(view.profile).not.toHaveProperty('_id');
    expect(view.profile).not.toHaveProperty('_position');
    expect(view.account).toEqual({
      accountId: 'acc-1',
      name: 'Analytical Engines',
      status: 'active',
    });
    expect(view.ownerId).toBe('user-7');
    expect(view.tags).toEqual(['vip']);
    expect(view.customFields).toEqual({ tier: 'gold' });
    expect(view.consents).toEqual({
      email: { status: 'opted_in', source: 'web form', recordedAt: '2026-01-10T09:04:00.000Z' },
    });
    expect(view.lead).toEqual({
      leadId: 'lead-1',
      source: 'webinar',
      score: 55,
      status: 'new',
      capturedAt: '2026-01-10T09:00:00.000Z',
    });
  });

  it('lists the deals by status, with those of the merged contact, and sums the won ones', async () => {
    const view = await ada();
    expect(view.mergedContactIds).toEqual(['c-2']);
    expect(ids(view.deals.open, (d) => d.dealId)).toEqual(['d-1']);
    expect(view.deals.open[0]).toMatchObject({
      amount: { amount: 5000, currency: 'EUR' },
      stageId: 'proposal',
    });
    expect(ids(view.deals.won, (d) => d.dealId)).toEqual(['d-3', 'd-2']);
    expect(view.deals.lost).toEqual([
      expect.objectContaining({
        dealId: 'd-4',
        lostReason: 'budget',
        closedAt: '2026-01-14T10:00:00.000Z',
      }),
    ]);
    expect(view.lifetimeValue).toEqual({ EUR: 2000, USD: 1000 });
  });

  it('lists the open tickets with their SLA state at now', async () => {
    const view = await ada();
    const sla = Object.fromEntries(
      view.openTickets.map((t) => [
        t.ticketId,
        [t.sla.firstResponse.state, t.sla.resolution.state],
      ]),
    );
    expect(sla).toEqual({
      't-1': ['met', 'pending-ok'],
      't-2': ['breached', 'pending-ok'],
      't-4': ['pending-breached', 'pending-breached'],
    });
    expect(ids(view.openTickets, (t) => t.ticketId)).toEqual(['t-4', 't-1', 't-2']);
    expect(view.openTickets[1].sla.firstResponse).toEqual({
      state: 'met',
      dueAt: '2026-02-01T08:30:00.000Z',
      reachedAt: '2026-02-01T08:10:00.000Z',
    });
  });

  it('changes the pending SLA states with the clock', async () => {
    const early = await contact360(
      world.readModels,
      TENANT,
      'c-1',
      new Date('2026-02-01T02:10:00Z'),
    );
    const t4 = early?.openTickets.find((t) => t.ticketId === 't-4');
    expect(t4?.sla.firstResponse.state).toBe('pending-ok');
    expect(t4?.sla.resolution.state).toBe('pending-ok');
  });

  it('shows campaign memberships with the campaign name and touches', async () => {
    const view = await ada();
    expect(view.campaigns).toEqual([
      expect.objectContaining({
        campaignId: 'camp-1',
        name: 'Spring webinar',
        active: true,
        touchCounts: { sent: 1, opened: 1, clicked: 0, responded: 0 },
        touches: [
          { touch: 'sent', occurredAt: '2026-01-26T09:00:00.000Z' },
          { touch: 'opened', occurredAt: '2026-01-26T10:00:00.000Z' },
        ],
      }),
    ]);
  });

  it('counts interactions per channel (merged contact included) and skips a meeting still ahead', async () => {
    const view = await ada();
    expect(view.interactionCounts).toEqual({ call: 2, email: 1, meeting: 1, note: 1, total: 5 });
    expect(view.lastInteraction).toMatchObject({ interactionId: 'i-3', channel: 'note' });
    const later = await contact360(
      world.readModels,
      TENANT,
      'c-1',
      new Date('2026-02-11T00:00:00Z'),
    );
    expect(later?.lastInteraction).toMatchObject({ interactionId: 'i-4', channel: 'meeting' });
  });

  it('shows the open task due first, and whether it is overdue at now', async () => {
    expect((await ada()).nextOpenTask).toMatchObject({
      taskId: 'task-1',
      dueAt: '2026-02-03T09:00:00.000Z',
      overdue: false,
    });
    const late = await contact360(
      world.readModels,
      TENANT,
      'c-1',
      new Date('2026-02-04T00:00:00Z'),
    );
    expect(late?.nextOpenTask).toMatchObject({ taskId: 'task-1', overdue: true });
  });

  it('ends with the 20 latest timeline entries, newest first, across deals and tickets', async () => {
    const { timeline } = await ada();
    expect(timeline.entries).toHaveLength(20);
    expect(timeline.nextCursor).toEqual(expect.any(String));
    const keys = timeline.entries.map(
      (e) => `${e.occurredAt}#${String(e.position).padStart(6, '0')}`,
    );
    expect(keys).toEqual([...keys].sort().reverse());
    const types = timeline.entries.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['TicketReplied', 'DealStageMoved', 'DealWon']));
    expect(timeline.entries[0]).not.toHaveProperty('tenantId');
  });

  it('shows the merged contact as merged, and null for an unknown contact', async () => {
    const merged = await contact360(world.readModels, TENANT, 'c-2', NOW);
    expect(merged?.profile).toMatchObject({ status: 'merged', survivorId: 'c-1' });
    expect(await contact360(world.readModels, TENANT, 'nobody', NOW)).toBeNull();
  });

  it("never shows another tenant's records, even under the same ids", async () => {
    expect(await contact360(world.readModels, TENANT, 'c-9', NOW)).toBeNull();
    const grace = await contact360(world.readModels, OTHER_TENANT, 'c-1', NOW);
    expect(grace?.profile).toMatchObject({ fullName: 'Grace Hopper', tenantId: OTHER_TENANT });
    expect(grace?.account).toEqual({ accountId: 'acc-1', name: 'Globex', status: 'active' });
    expect(grace?.lead).toBeNull();
    expect(grace?.mergedContactIds).toEqual([]);
    expect(ids(grace?.deals.open ?? [], (d) => d.dealId)).toEqual(['d-9']);
    expect(ids(grace?.openTickets ?? [], (t) => t.ticketId)).toEqual(['t-9']);
    expect(grace?.campaigns).toEqual([]);
    expect(grace?.interactionCounts.total).toBe(0);
    expect(grace?.nextOpenTask).toMatchObject({ taskId: 'task-9', tenantId: OTHER_TENANT });
    const adaView = await ada();
    expect(ids(adaView.deals.open, (d) => d.dealId)).not.toContain('d-9');
    expect(adaView.timeline.entries.every((e) => e.dealId !== 'd-9' && e.ticketId !== 't-9')).toBe(
      true,
    );
  });
});
