import { timeline } from './timeline';
import { InvalidTimelineCursorError } from './timeline-cursor';
import { TimelineEntry } from './timeline-entries';
import { seedScenario } from './views.scenario';
import { createViewsWorld, OTHER_TENANT, TENANT, ViewsWorld } from './views.test-kit';

describe('timeline', () => {
  let world: ViewsWorld;
  beforeAll(async () => {
    world = createViewsWorld();
    await seedScenario(world);
  });
  afterAll(() => world.close());

  /** Every page of a timeline, following the cursors. */
  const allPages = async (
    subject: Parameters<typeof timeline>[2],
    options: { limit: number; types?: string[] },
  ): Promise<TimelineEntry[][]> => {
    const pages: TimelineEntry[][] = [];
    let before: string | undefined;
    do {
      const page = await timeline(world.readModels, TENANT, subject, { ...options, before });
      if (page === null) throw new Error('no timeline');
      pages.push(page.entries);
      before = page.nextCursor ?? undefined;
    } while (before !== undefined && pages.length < 100);
    return pages;
  };

  const isNewestFirst = (entries: TimelineEntry[]) =>
    entries.every(
      (entry, i) =>
        i === 0 ||
        entries[i - 1].occurredAt > entry.occurredAt ||
        (entries[i - 1].occurredAt === entry.occurredAt &&
          entries[i - 1].position > entry.position),
    );

  it("joins a contact's own entries with those of its deals, tickets and merged contacts", async () => {
    const page = await timeline(world.readModels, TENANT, { contactId: 'c-1' }, { limit: 100 });
    const entries = page?.entries ?? [];
    expect(page?.nextCursor).toBeNull();
    expect(isNewestFirst(entries)).toBe(true);
    const types = entries.map((e) => e.type);
    // Deal events after DealOpened carry only the deal id; ticket replies only the ticket id.
    expect(
      entries
        .filter((e) => e.type === 'DealWon')
        .map((e) => e.dealId)
        .sort(),
    ).toEqual(['d-2', 'd-3']);
    expect(types).toEqual(expect.arrayContaining(['DealLost', 'DealStageMoved', 'TicketResolved']));
    expect(entries.filter((e) => e.type === 'TicketReplied')).toHaveLength(3);
    expect(
      entries
        .filter((e) => e.type === 'CallLogged')
        .map((e) => e.interactionId)
        .sort(),
    ).toEqual(['i-0', 'i-1']);
    expect(new Set(entries.map((e) => e.eventId)).size).toBe(entries.length);
    expect(entries.some((e) => e.leadId === 'lead-1' && e.type === 'LeadCaptured')).toBe(false);
  });

  it('pages with a cursor through exactly the same entries', async () => {
    const whole = await timeline(world.readModels, TENANT, { contactId: 'c-1' }, { limit: 100 });
    const pages = await allPages({ contactId: 'c-1' }, { limit: 7 });
    expect(pages.slice(0, -1).every((page) => page.length === 7)).toBe(true);
    expect(pages.flat()).toEqual(whole?.entries);
  });

  it('filters by event type, also across pages', async () => {
    const pages = await allPages(
      { contactId: 'c-1' },
      { limit: 2, types: ['TicketReplied', 'DealWon'] },
    );
    const entries = pages.flat();
    expect(entries.map((e) => e.type).sort()).toEqual([
      'DealWon',
      'DealWon',
      'TicketReplied',
      'TicketReplied',
      'TicketReplied',
    ]);
    expect(isNewestFirst(entries)).toBe(true);
  });

  it('uses 20 entries by default and at most 100', async () => {
    const byDefault = await timeline(world.readModels, TENANT, { contactId: 'c-1' });
    expect(byDefault?.entries).toHaveLength(20);
    const huge = await timeline(world.readModels, TENANT, { contactId: 'c-1' }, { limit: 5000 });
    expect(huge?.entries.length).toBeLessThanOrEqual(100);
  });

  it("gathers an account's entries and its deals' and tickets'", async () => {
    const page = await timeline(world.readModels, TENANT, { accountId: 'acc-1' }, { limit: 100 });
    const entries = page?.entries ?? [];
    expect(isNewestFirst(entries)).toBe(true);
    expect(entries.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'AccountRegistered',
        'DealOpened',
        'DealStageMoved',
        'TicketReplied',
      ]),
    );
    expect(entries.some((e) => e.dealId === 'd-2')).toBe(false);
  });

  it("shows a deal's own entries", async () => {
    const page = await timeline(world.readModels, TENANT, { dealId: 'd-1' }, { limit: 100 });
    expect(page?.entries.map((e) => e.type)).toEqual([
      'CallLogged',
      'DealStageMoved',
      'DealOpened',
    ]);
  });

  it('answers null for an unknown record and refuses a forged cursor', async () => {
    expect(await timeline(world.readModels, TENANT, { contactId: 'nobody' })).toBeNull();
    expect(await timeline(world.readModels, TENANT, { accountId: 'nobody' })).toBeNull();
    expect(await timeline(world.readModels, TENANT, { dealId: 'nobody' })).toBeNull();
    await expect(
      timeline(world.readModels, TENANT, { contactId: 'c-1' }, { before: 'not-a-cursor' }),
    ).rejects.toBeInstanceOf(InvalidTimelineCursorError);
  });

  it('keeps tenants apart under the same ids', async () => {
    const grace = await timeline(
      world.readModels,
      OTHER_TENANT,
      { contactId: 'c-1' },
      { limit: 100 },
    );
    const entries = grace?.entries ?? [];
    expect(entries.length).toBeGreaterThan(0);
    expect([...new Set(entries.flatMap((e) => e.dealId ?? []))]).toEqual(['d-9']);
    expect([...new Set(entries.flatMap((e) => e.ticketId ?? []))]).toEqual(['t-9']);
    const deal = await timeline(world.readModels, OTHER_TENANT, { dealId: 'd-1' }, { limit: 100 });
    expect(deal?.entries.map((e) => e.summary)).toEqual(['Deal opened: Deal d-1 (1 EUR)']);
  });
});
