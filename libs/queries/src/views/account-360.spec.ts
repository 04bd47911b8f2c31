import { account360 } from './account-360';
import { NOW, seedScenario } from './views.scenario';
import { createViewsWorld, OTHER_TENANT, TENANT, ViewsWorld } from './views.test-kit';

describe('account360', () => {
  let world: ViewsWorld;
  beforeAll(async () => {
    world = createViewsWorld();
    await seedScenario(world);
  });
  afterAll(() => world.close());

  it('rolls up the contacts, deals, open tickets, interactions and tasks of the account', async () => {
    const view = await account360(world.readModels, TENANT, 'acc-1', NOW);
    expect(view?.profile).toMatchObject({ accountId: 'acc-1', name: 'Analytical Engines' });
    expect(view?.profile).not.toHaveProperty('_id');
    expect(view?.contacts).toEqual([
      {
        contactId: 'c-1',
        fullName: 'Ada Lovelace',
        primaryEmail: 'Ada@Analytical.example',
        ownerId: 'user-7',
      },
    ]);
    expect(view?.deals.open.map((d) => d.dealId)).toEqual(['d-1']);
    expect(view?.deals.won).toEqual([]);
    expect(view?.lifetimeValue).toEqual({});
    expect(
      view?.openTickets.map((t) => [t.ticketId, t.sla.firstResponse.state, t.sla.resolution.state]),
    ).toEqual([
      ['t-4', 'pending-breached', 'pending-breached'],
      // c-1's ticket, filed without the account: an account's 360 includes its contacts' tickets
      ['t-1', 'met', 'pending-ok'],
      ['t-2', 'breached', 'pending-ok'],
    ]);
    expect(view?.contactCount).toBe(1);
    // i-2 is c-1's email logged without the account: counted with the account's own
    expect(view?.interactionCounts).toEqual({ call: 1, email: 1, meeting: 1, note: 1, total: 4 });
    expect(view?.lastInteraction).toMatchObject({ interactionId: 'i-3' });
    expect(view?.nextOpenTask).toMatchObject({
      taskId: 'task-4',
      relatedTo: { kind: 'account', id: 'acc-1' },
      overdue: false,
    });
  });

  it('ends with the latest entries of the account and of its deals and tickets', async () => {
    const view = await account360(world.readModels, TENANT, 'acc-1', NOW);
    const entries = view?.timeline.entries ?? [];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.length).toBeLessThanOrEqual(20);
    expect(entries.map((e) => e.type)).toEqual(
      expect.arrayContaining(['AccountRegistered', 'DealStageMoved', 'TicketReplied']),
    );
  });

  it('answers null for an unknown account and keeps tenants apart', async () => {
    expect(await account360(world.readModels, TENANT, 'nobody', NOW)).toBeNull();
    const globex = await account360(world.readModels, OTHER_TENANT, 'acc-1', NOW);
    expect(globex?.profile).toMatchObject({ name: 'Globex', tenantId: OTHER_TENANT });
    expect(globex?.contacts.map((c) => c.contactId)).toEqual(['c-1']);
    expect(globex?.deals.open.map((d) => d.dealId)).toEqual(['d-9']);
    // Globex's own c-1 has a ticket; nothing of the other tenant's account shows here.
    expect(globex?.openTickets.map((t) => t.ticketId)).toEqual(['t-9']);
    expect(globex?.nextOpenTask).toBeNull();
  });
});
