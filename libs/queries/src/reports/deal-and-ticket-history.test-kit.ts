import { CommandWithoutMetadata } from '@crm/application';
import { Command, PipelineStage, TicketPriority } from '@crm/domain';
import {
  createContact,
  definePipeline,
  openDeal,
  STAGES,
  ViewsWorld,
} from '../views/views.test-kit';
import { seededRandom } from './seeded-random.test-kit';

export const PIPELINE = 'sales';
/** Added after the pipeline's definition, gone through by deals, removed at the end. */
export const QUALIFICATION: PipelineStage = {
  stageId: 'qualification',
  name: 'Qualification',
  probability: 0.3,
};
const ALL_STAGES = [STAGES[0], QUALIFICATION, ...STAGES.slice(1)];
const PRIORITIES: TicketPriority[] = ['low', 'normal', 'high', 'urgent'];
const OWNERS = ['ann', 'bob'];
/** How much history: records opened, random steps on them, up to `gapHours` between two. */
export type HistorySize = { deals: number; tickets: number; steps: number; gapHours: number };
const SMALL: HistorySize = { deals: 60, tickets: 30, steps: 600, gapHours: 12 };

/**
 * One tenant's deals opened, moved (back and forth), won, lost and reopened, and tickets opened,
 * answered, re-prioritised, resolved, reopened and closed, over several months, the projections
 * run now and then (rows change across batches). At the end the pipeline's stages are reordered
 * and the added stage removed (deals went through it), so the stage order differs from the one
 * the deals moved under.
 */
export const dealAndTicketHistory = async (
  world: ViewsWorld,
  tenantId: string,
  seed: number,
  { deals: DEALS, tickets: TICKETS, steps: STEPS, gapHours }: HistorySize = SMALL,
): Promise<void> => {
  const random = seededRandom(seed);
  let time = Date.parse('2026-01-01T00:00:00.000Z') + seed * 1_000;
  const tick = (): void => {
    time += random.int(gapHours) * 3_600_000 + random.int(3_600_000);
    world.at(new Date(time).toISOString());
  };
  const send = async (
    kind: 'deal' | 'ticket' | 'pipeline',
    id: string,
    command: CommandWithoutMetadata<Command>,
  ): Promise<void> => {
    tick();
    try {
      await world.send(kind, id, command, tenantId);
    } catch {
      // Commands the record's state refuses (win a lost deal, ...) are part of a random history.
    }
  };
  await definePipeline(world, PIPELINE, tenantId);
  await send('pipeline', PIPELINE, {
    type: 'AddPipelineStage',
    data: { pipelineId: PIPELINE, stage: QUALIFICATION, position: 1 },
  });
  await createContact(world, 'c1', {}, tenantId);
  for (let index = 0; index < DEALS; index += 1) {
    tick();
    await openDeal(
      world,
      `d${index}`,
      {
        pipelineId: PIPELINE,
        contactId: 'c1',
        ownerId: random.pick(OWNERS),
        amount: { amount: 100, currency: 'EUR' },
      },
      tenantId,
    );
  }
  for (let index = 0; index < TICKETS; index += 1) {
    await send('ticket', `t${index}`, {
      type: 'OpenTicket',
      data: {
        ticketId: `t${index}`,
        contactId: 'c1',
        channel: 'email',
        priority: random.pick(PRIORITIES),
        subject: `Ticket ${index}`,
      },
    });
  }
  for (let step = 0; step < STEPS; step += 1) {
    const dealId = `d${random.int(DEALS)}`;
    const ticketId = `t${random.int(TICKETS)}`;
    const stageId = random.pick(ALL_STAGES).stageId;
    const commands: [kind: 'deal' | 'ticket', id: string, CommandWithoutMetadata<Command>][] = [
      [
        'deal',
        dealId,
        { type: 'MoveDealStage', data: { dealId, stageId, pipelineStages: ALL_STAGES } },
      ],
      [
        'deal',
        dealId,
        { type: 'MoveDealStage', data: { dealId, stageId, pipelineStages: ALL_STAGES } },
      ],
      ['deal', dealId, { type: 'WinDeal', data: { dealId } }],
      ['deal', dealId, { type: 'WinDeal', data: { dealId } }],
      ['deal', dealId, { type: 'LoseDeal', data: { dealId, reason: 'price' } }],
      [
        'deal',
        dealId,
        { type: 'ReopenDeal', data: { dealId, stageId, pipelineStages: ALL_STAGES } },
      ],
      [
        'deal',
        dealId,
        { type: 'ReopenDeal', data: { dealId, stageId, pipelineStages: ALL_STAGES } },
      ],
      [
        'ticket',
        ticketId,
        {
          type: 'ReplyToTicket',
          data: { ticketId, author: random.pick(['agent', 'customer']), authorId: 'u', body: 'hi' },
        },
      ],
      [
        'ticket',
        ticketId,
        { type: 'ChangeTicketPriority', data: { ticketId, priority: random.pick(PRIORITIES) } },
      ],
      ['ticket', ticketId, { type: 'ResolveTicket', data: { ticketId, resolution: 'done' } }],
      ['ticket', ticketId, { type: 'ReopenTicket', data: { ticketId, reason: 'again' } }],
      ['ticket', ticketId, { type: 'CloseTicket', data: { ticketId } }],
    ];
    const [kind, id, command] = random.pick(commands);
    // Closing is for good: rarely, so that open, resolved and reopened tickets remain.
    if (command.type !== 'CloseTicket' || random.int(5) === 0) await send(kind, id, command);
    if (step % Math.max(90, Math.floor(STEPS / 8)) === 0) await world.project();
  }
  await world.project();
  const [discovery, proposal, negotiation] = STAGES.map((stage) => stage.stageId);
  await send('pipeline', PIPELINE, {
    type: 'ReorderPipelineStages',
    data: {
      pipelineId: PIPELINE,
      stageIds: [negotiation, discovery, QUALIFICATION.stageId, proposal],
    },
  });
  await send('pipeline', PIPELINE, {
    type: 'RemovePipelineStage',
    data: { pipelineId: PIPELINE, stageId: QUALIFICATION.stageId, openDealsInStage: 0 },
  });
  await world.project();
};
