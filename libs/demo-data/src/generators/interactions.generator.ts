import { CallOutcome } from '@crm/domain';
import { ContactRecord, existingBy, GeneratorContext } from '../demo-world';
import { DemoCommand } from '../demo-item';
import { isoDateTime, MINUTE } from '../time';
import { CALL_SUMMARIES, EMAIL_SUBJECTS, MEETING_SUBJECTS, NOTES } from '../vocabulary';
import { Random } from '../random';

type Channel = 'call' | 'email' | 'meeting' | 'note';
const CHANNELS: readonly Channel[] = ['call', 'email', 'meeting', 'note'];

type Links = { contactId: string; accountId: string; dealId?: string; ticketId?: string };

const callDuration = (rng: Random, outcome: CallOutcome): number =>
  outcome === 'connected' ? rng.int(60, 1800) : outcome === 'voicemail' ? rng.int(20, 60) : 0;

const interaction = (
  rng: Random,
  channel: Channel,
  interactionId: string,
  links: Links,
  heldAt: number,
  actor: string,
  contact: ContactRecord,
): DemoCommand => {
  const occurredAt = isoDateTime(heldAt);
  const direction = rng.chance(0.6) ? 'outbound' : 'inbound';
  switch (channel) {
    case 'call': {
      const outcome = rng.weighted<CallOutcome>([
        ['connected', 60],
        ['no_answer', 15],
        ['voicemail', 15],
        ['busy', 7],
        ['wrong_number', 3],
      ]);
      const summary = rng.pick(CALL_SUMMARIES);
      return {
        type: 'LogCall',
        data: {
          interactionId,
          ...links,
          occurredAt,
          direction,
          outcome,
          durationSeconds: callDuration(rng, outcome),
          summary,
        },
      };
    }
    case 'email':
      return {
        type: 'LogEmail',
        data: {
          interactionId,
          ...links,
          occurredAt,
          direction,
          subject: rng.pick(EMAIL_SUBJECTS),
          bodyPreview: 'Hi, following up on…',
        },
      };
    case 'meeting':
      return {
        type: 'LogMeeting',
        data: {
          interactionId,
          ...links,
          subject: rng.pick(MEETING_SUBJECTS),
          participants: [actor, contact.email],
          startAt: isoDateTime(heldAt - rng.int(2, 6) * 15 * MINUTE),
          endAt: occurredAt,
          ...(rng.chance(0.5) && {
            location: rng.pick(['video call', 'their office', 'our office']),
          }),
        },
      };
    case 'note':
      return {
        type: 'LogNote',
        data: { interactionId, ...links, occurredAt, body: rng.pick(NOTES) },
      };
  }
};

/**
 * Calls, emails, meetings and notes with every contact, spread from the contact's creation to
 * the end of the period, filed under the contact's account and, when there is one by then, one
 * of its deals or one of the contact's tickets. Each is logged when it happens (meetings when
 * they end), never ahead of the clock.
 */
export const planInteractions = ({ rng, plan, world, options }: GeneratorContext): void => {
  let count = 0;
  for (const contact of world.contacts) {
    const deals = world.deals.filter((deal) => deal.accountId === contact.accountId);
    const tickets = world.tickets.filter((ticket) => ticket.contactId === contact.id);
    for (let j = 0; j < options.interactionsPerContact; j++, count++) {
      const interactionId = rng.uuid();
      const channel =
        count < CHANNELS.length
          ? CHANNELS[count]
          : rng.weighted<Channel>([
              ['email', 40],
              ['call', 30],
              ['meeting', 15],
              ['note', 15],
            ]);
      const at = plan.hold(
        contact.at + MINUTE + Math.floor(rng.float() * (plan.endMs - contact.at)),
      );
      const openDeals = existingBy(deals, at);
      const openTickets = existingBy(tickets, at);
      const links: Links = {
        contactId: contact.id,
        accountId: contact.accountId,
        ...(openDeals.length > 0 && rng.chance(0.5) && { dealId: rng.pick(openDeals).id }),
        ...(openTickets.length > 0 && rng.chance(0.6) && { ticketId: rng.pick(openTickets).id }),
      };
      const actor = contact.ownerId;
      plan.add(
        at,
        actor,
        'interaction',
        interactionId,
        interaction(rng, channel, interactionId, links, at, actor, contact),
      );
    }
  }
};
