import { TICKET_SLA_TARGETS, TicketChannel, TicketPriority } from '@crm/domain';
import { SUPPORT_AGENTS } from '../cast';
import { GeneratorContext } from '../demo-world';
import { DAY, HOUR, MINUTE } from '../time';
import { TICKET_SUBJECTS } from '../vocabulary';

const PRIORITIES: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent'];
const CHANNELS: readonly TicketChannel[] = ['email', 'phone', 'chat', 'web', 'social'];
const ESCALATION_REASONS = ['customer unhappy with progress', 'needs engineering', 'SLA at risk'];

/**
 * Service tickets of every priority: assigned, answered (sometimes past the SLA), escalated,
 * re-prioritised, resolved, sometimes reopened, then closed, or still being worked on.
 */
export const planTickets = ({ rng, plan, world, options }: GeneratorContext): void => {
  for (let i = 0; i < options.tickets; i++) {
    const ticketId = rng.uuid();
    const contact = rng.pick(world.contacts);
    let priority: TicketPriority =
      i < PRIORITIES.length
        ? PRIORITIES[i]
        : rng.weighted([
            ['low', 25],
            ['normal', 45],
            ['high', 20],
            ['urgent', 10],
          ]);
    let agent: string = rng.pick(SUPPORT_AGENTS);
    const openAfter =
      contact.at + HOUR + Math.floor(rng.float() * 0.95 * (plan.endMs - contact.at));
    let at = plan.add(openAfter, agent, 'ticket', ticketId, {
      type: 'OpenTicket',
      data: {
        ticketId,
        contactId: contact.id,
        accountId: contact.accountId,
        channel: rng.pick(CHANNELS),
        priority,
        subject: rng.pick(TICKET_SUBJECTS),
        description: `Reported by ${contact.firstName} ${contact.lastName}.`,
      },
    });
    world.tickets.push({ id: ticketId, at, contactId: contact.id, accountId: contact.accountId });

    const targets = TICKET_SLA_TARGETS[priority];
    const after = (ms: number): number => (at = at + Math.max(MINUTE, Math.floor(ms)));
    const reply = (author: 'agent' | 'customer', body: string): void => {
      plan.add(after(rng.int(1, 48) * HOUR), agent, 'ticket', ticketId, {
        type: 'ReplyToTicket',
        data: { ticketId, author, authorId: author === 'agent' ? agent : contact.id, body },
      });
    };

    if (rng.chance(0.9)) {
      agent = rng.pick(SUPPORT_AGENTS);
      plan.add(after(rng.int(1, 60) * MINUTE), agent, 'ticket', ticketId, {
        type: 'AssignTicket',
        data: { ticketId, agentId: agent },
      });
    }
    plan.add(
      after(targets.firstResponseMinutes * MINUTE * (0.2 + rng.float() * 1.4)),
      agent,
      'ticket',
      ticketId,
      {
        type: 'ReplyToTicket',
        data: {
          ticketId,
          author: 'agent',
          authorId: agent,
          body: 'Thanks, we are looking into it.',
        },
      },
    );
    for (let n = rng.int(0, 3); n > 0; n--) {
      reply('customer', 'Any news on this?');
      reply('agent', 'We have a fix in testing.');
    }
    if (rng.chance(0.1)) {
      priority = rng.pick(PRIORITIES.filter((p) => p !== priority));
      plan.add(after(rng.int(1, 12) * HOUR), agent, 'ticket', ticketId, {
        type: 'ChangeTicketPriority',
        data: { ticketId, priority },
      });
    }
    if (rng.chance(priority === 'urgent' || priority === 'high' ? 0.35 : 0.1)) {
      plan.add(after(rng.int(1, 24) * HOUR), agent, 'ticket', ticketId, {
        type: 'EscalateTicket',
        data: { ticketId, reason: rng.pick(ESCALATION_REASONS) },
      });
    }
    if (!rng.chance(0.75)) continue;
    const resolve = (): void => {
      plan.add(
        after(targets.resolutionMinutes * MINUTE * (0.3 + rng.float() * 1.2)),
        agent,
        'ticket',
        ticketId,
        {
          type: 'ResolveTicket',
          data: { ticketId, resolution: 'Fixed and confirmed with the customer.' },
        },
      );
    };
    resolve();
    if (rng.chance(0.12)) {
      plan.add(after(rng.int(1, 5) * DAY), agent, 'ticket', ticketId, {
        type: 'ReopenTicket',
        data: { ticketId, reason: 'The problem came back.' },
      });
      reply('agent', 'Reopened, checking again.');
      resolve();
    }
    if (rng.chance(0.6)) {
      plan.add(after(rng.int(1, 7) * DAY), agent, 'ticket', ticketId, {
        type: 'CloseTicket',
        data: { ticketId },
      });
    }
  }
};
