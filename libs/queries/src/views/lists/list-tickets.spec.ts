import {
  CloseTicket,
  OpenTicket,
  ReopenTicket,
  ReplyToTicket,
  ResolveTicket,
  TicketPriority,
} from '@crm/domain';
import { TicketDocument, ticketsProjection } from '@crm/projections';
import { ticketSlaAt } from '../ticket-sla';
import { createViewsWorld, TENANT, ViewsWorld } from '../views.test-kit';
import { listTickets } from './list-tickets';

/** `slaBreached` in the store against the SLA worked out ticket by ticket (ticketSlaAt). */
describe('listTickets', () => {
  let world: ViewsWorld;
  const open = (ticketId: string, priority: TicketPriority) =>
    world.send<OpenTicket>('ticket', ticketId, {
      type: 'OpenTicket',
      data: { ticketId, contactId: 'c-1', channel: 'web', priority, subject: 'Help' },
    });
  const reply = (ticketId: string) =>
    world.send<ReplyToTicket>('ticket', ticketId, {
      type: 'ReplyToTicket',
      data: { ticketId, author: 'agent', authorId: 'agent-1', body: 'On it' },
    });
  const resolve = (ticketId: string) =>
    world.send<ResolveTicket>('ticket', ticketId, {
      type: 'ResolveTicket',
      data: { ticketId, resolution: 'done' },
    });

  beforeAll(async () => {
    world = createViewsWorld();
    world.at('2026-02-01T08:00:00.000Z');
    for (const id of ['answered-in-time', 'answered-late', 'resolved-in-time', 'resolved-late'])
      await open(id, 'urgent');
    await open('reopened', 'urgent');
    await open('closed-late', 'urgent');
    await open('pending', 'low');
    world.at('2026-02-01T08:10:00.000Z');
    await reply('answered-in-time');
    await reply('resolved-in-time');
    await reply('reopened');
    await reply('closed-late');
    await reply('resolved-late');
    world.at('2026-02-01T09:00:00.000Z');
    await reply('answered-late');
    await resolve('resolved-in-time');
    await resolve('reopened');
    world.at('2026-02-01T17:00:00.000Z');
    await resolve('resolved-late');
    await world.send<ReopenTicket>('ticket', 'reopened', {
      type: 'ReopenTicket',
      data: { ticketId: 'reopened', reason: 'still broken' },
    });
    await world.send<CloseTicket>('ticket', 'closed-late', {
      type: 'CloseTicket',
      data: { ticketId: 'closed-late' },
    });
    await world.project();
  });
  afterAll(() => world.close());

  const breachedOneByOne = async (now: Date): Promise<string[]> => {
    const tickets = await world.readModels.collection<TicketDocument>(ticketsProjection.name);
    return (await tickets.find({ tenantId: TENANT }))
      .filter((ticket) => {
        const sla = ticketSlaAt(ticket, now);
        return [sla.firstResponse.state, sla.resolution.state].some((state) =>
          state.endsWith('breached'),
        );
      })
      .map((ticket) => ticket.ticketId)
      .sort();
  };
  const listed = async (slaBreached: boolean, now: Date): Promise<string[]> =>
    (await listTickets(world.readModels, TENANT, { slaBreached }, now)).items
      .map((ticket) => ticket.ticketId)
      .sort();

  it.each([
    '2026-02-01T08:20:00.000Z',
    '2026-02-01T12:00:00.000Z',
    '2026-02-01T18:00:00.000Z',
    '2026-02-03T00:00:00.000Z',
    '2026-03-01T00:00:00.000Z',
  ])('lists as breached at %s exactly the tickets whose SLA says so', async (at) => {
    const now = new Date(at);
    const breached = await breachedOneByOne(now);
    expect(await listed(true, now)).toEqual(breached);
    const all = (await listTickets(world.readModels, TENANT, {}, now)).items.map((t) => t.ticketId);
    expect(await listed(false, now)).toEqual(all.filter((id) => !breached.includes(id)).sort());
  });

  it('sees late targets as breached, and a reopened ticket pending again', async () => {
    const now = new Date('2026-02-01T12:00:00.000Z');
    expect(await listed(true, now)).toEqual(
      expect.arrayContaining(['answered-late', 'resolved-late']),
    );
    expect(await listed(true, now)).not.toContain('reopened');
    expect(await listed(true, new Date('2026-02-01T16:30:00.000Z'))).toContain('reopened');
  });
});
