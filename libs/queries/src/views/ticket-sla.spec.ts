import { CloseTicket, OpenTicket, ReopenTicket, ResolveTicket, TicketPriority } from '@crm/domain';
import { ticketsProjection, TicketDocument } from '@crm/projections';
import { ticketSlaAt } from './ticket-sla';
import { createViewsWorld, TENANT, ViewsWorld } from './views.test-kit';

/** SLA states worked out from tickets the real projection built. */
describe('ticketSlaAt', () => {
  let world: ViewsWorld;
  const open = (ticketId: string, priority: TicketPriority) =>
    world.send<OpenTicket>('ticket', ticketId, {
      type: 'OpenTicket',
      data: { ticketId, contactId: 'c-1', channel: 'web', priority, subject: 'Help' },
    });
  const ticket = async (ticketId: string): Promise<TicketDocument> => {
    const tickets = await world.readModels.collection<TicketDocument>(ticketsProjection.name);
    const document = await tickets.get(`${TENANT}:${ticketId}`);
    if (document === undefined) throw new Error(`no ticket ${ticketId}`);
    return document;
  };

  beforeAll(async () => {
    world = createViewsWorld();
    world.at('2026-02-01T08:00:00.000Z');
    await open('t-resolved', 'urgent');
    await open('t-reopened', 'urgent');
    await open('t-closed', 'urgent');
    world.at('2026-02-01T09:00:00.000Z');
    for (const ticketId of ['t-resolved', 't-reopened']) {
      await world.send<ResolveTicket>('ticket', ticketId, {
        type: 'ResolveTicket',
        data: { ticketId, resolution: 'done' },
      });
    }
    world.at('2026-02-01T17:00:00.000Z');
    await world.send<ReopenTicket>('ticket', 't-reopened', {
      type: 'ReopenTicket',
      data: { ticketId: 't-reopened', reason: 'still broken' },
    });
    await world.send<CloseTicket>('ticket', 't-closed', {
      type: 'CloseTicket',
      data: { ticketId: 't-closed' },
    });
    await world.project();
  });
  afterAll(() => world.close());

  it('counts a resolution in time as met, whatever the clock says later', async () => {
    const sla = ticketSlaAt(await ticket('t-resolved'), new Date('2026-03-01T00:00:00Z'));
    expect(sla.resolution).toEqual({
      state: 'met',
      dueAt: '2026-02-01T16:00:00.000Z',
      reachedAt: '2026-02-01T09:00:00.000Z',
    });
    expect(sla.firstResponse).toEqual({
      state: 'pending-breached',
      dueAt: '2026-02-01T08:30:00.000Z',
    });
  });

  it('makes the resolution of a reopened ticket pending again', async () => {
    const reopened = await ticket('t-reopened');
    expect(ticketSlaAt(reopened, new Date('2026-02-01T17:30:00Z')).resolution.state).toBe(
      'pending-breached',
    );
  });

  it('counts a ticket closed without a resolution as resolved when closed', async () => {
    const sla = ticketSlaAt(await ticket('t-closed'), new Date('2026-02-01T17:30:00Z'));
    expect(sla.resolution).toMatchObject({
      state: 'breached',
      reachedAt: '2026-02-01T17:00:00.000Z',
    });
  });

  it('tells pending-ok from pending-breached at the deadline itself', async () => {
    const unanswered = await ticket('t-closed');
    expect(ticketSlaAt(unanswered, new Date('2026-02-01T08:30:00.000Z')).firstResponse.state).toBe(
      'pending-ok',
    );
    expect(ticketSlaAt(unanswered, new Date('2026-02-01T08:30:00.001Z')).firstResponse.state).toBe(
      'pending-breached',
    );
  });
});
