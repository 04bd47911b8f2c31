import { CaptureLead, DisqualifyLead } from '@crm/domain';
import { createViewsWorld, OTHER_TENANT, TENANT, ViewsWorld } from '../views.test-kit';
import { listLeads } from './list-leads';

describe('listLeads, searching (q)', () => {
  let world: ViewsWorld;
  beforeAll(async () => {
    world = createViewsWorld();
    const people: [string, string, string, string][] = [
      ['l-ada', 'Ada', 'Lovelace', 'Analytical'],
      ['l-alan', 'Alan', 'Turing', 'Bletchley'],
      ['l-grace', 'Grace', 'Hopper', 'Navy'],
      ['l-ann', 'Ann', 'Analyst', 'Analytical'],
      ['l-edsger', 'Edsger', 'Dijkstra', 'Eindhoven'],
    ];
    for (const [i, [leadId, firstName, lastName, company]] of people.entries()) {
      world.at(`2026-01-0${i + 1}T00:00:00.000Z`);
      await world.send<CaptureLead>('lead', leadId, {
        type: 'CaptureLead',
        data: {
          leadId,
          source: 'web',
          contact: { firstName, lastName, company, email: `${leadId}@leads.example` },
        },
      });
    }
    await world.send<DisqualifyLead>('lead', 'l-alan', {
      type: 'DisqualifyLead',
      data: { leadId: 'l-alan', reason: 'no budget' },
    });
    await world.send<CaptureLead>(
      'lead',
      'l-ada',
      {
        type: 'CaptureLead',
        data: {
          leadId: 'l-ada',
          source: 'web',
          contact: { firstName: 'Ada', lastName: 'Other', email: 'ada@leads.example' },
        },
      },
      OTHER_TENANT,
    );
    await world.project();
  });
  afterAll(() => world.close());

  /** The page's lead ids, and how many lead documents the list read from JSON for it. */
  const listed = async (request: Parameters<typeof listLeads>[2]) => {
    const parse = jest.spyOn(JSON, 'parse');
    try {
      const page = await listLeads(world.readModels, TENANT, request);
      const read = parse.mock.calls.filter(
        ([text]) => typeof text === 'string' && text.includes('"capturedAt"'),
      ).length;
      return { ids: page.items.map((lead) => lead.leadId), total: page.total, read };
    } finally {
      parse.mockRestore();
    }
  };

  it('lists the matches newest first, paged and counted, reading only the page', async () => {
    expect(await listed({ q: 'leads' })).toMatchObject({
      ids: ['l-edsger', 'l-ann', 'l-grace', 'l-alan', 'l-ada'],
      total: 5,
    });
    // The page and one more (whether there is a next page), nothing else.
    expect(await listed({ q: 'ana', limit: 1, offset: 1 })).toEqual({
      ids: ['l-ada'],
      total: 2,
      read: 1,
    });
    expect(await listed({ q: 'leads', limit: 2 })).toEqual({
      ids: ['l-edsger', 'l-ann'],
      total: 5,
      read: 3,
    });
  });

  it('searches within a status from the same index', async () => {
    expect(await listed({ q: 'leads', status: 'new', limit: 2 })).toEqual({
      ids: ['l-edsger', 'l-ann'],
      total: 4,
      read: 3,
    });
    expect(await listed({ q: 'leads', status: 'disqualified' })).toEqual({
      ids: ['l-alan'],
      total: 1,
      read: 1,
    });
  });

  it('answers a search of several words, and in the oldest-first order', async () => {
    expect((await listed({ q: 'ana ann' })).ids).toEqual(['l-ann']);
    expect((await listed({ q: 'analytical', sort: 'capturedAt' })).ids).toEqual(['l-ada', 'l-ann']);
  });
});
