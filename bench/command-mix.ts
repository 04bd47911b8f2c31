import { DemoCommand, Random } from '@crm/demo-data';
import { AggregateKind } from '@crm/domain';

/** A contact of the workload, with the account it belongs to (if any). */
export type ContactRef = { contactId: string; accountId?: string };

export type HttpForm = {
  method: 'POST' | 'PUT';
  path: string;
  body: Record<string, unknown>;
};

/** One command of the mix, as the CommandBus takes it and as a client would send it over HTTP. */
export type MixCommand = {
  kind: AggregateKind;
  recordId: string;
  command: DemoCommand;
  http: HttpForm;
};

type MixType =
  'LogEmail' | 'LogCall' | 'LogNote' | 'LogMeeting' | 'SetContactCustomField' | 'TagContact';

/**
 * What a CRM's users do all day on an existing customer base, weighted like the workload (whose
 * bulk is interactions): log emails, calls, notes and meetings with a contact, and touch the
 * contact itself. Every command is valid on any existing contact, so none is refused.
 */
export const MIX_WEIGHTS: readonly (readonly [MixType, number])[] = [
  ['LogEmail', 32],
  ['LogCall', 24],
  ['LogNote', 12],
  ['LogMeeting', 12],
  ['SetContactCustomField', 12],
  ['TagContact', 8],
];

const TAGS = ['decision-maker', 'champion', 'newsletter', 'technical', 'renewal', 'at-risk'];
const SUBJECTS = ['Follow-up on the proposal', 'Pricing question', 'Renewal terms', 'Onboarding'];
const OUTCOMES = ['connected', 'no_answer', 'voicemail'] as const;

/** Deterministic stream of mix commands against `contacts` (same seed, same commands). */
export class CommandMix {
  private readonly rng: Random;
  private sent = 0;

  constructor(
    private readonly contacts: readonly ContactRef[],
    seed: number,
  ) {
    if (contacts.length === 0) throw new Error('the command mix needs at least one contact');
    this.rng = new Random(seed);
  }

  next(now: Date): MixCommand {
    const rng = this.rng;
    const contact = rng.pick(this.contacts);
    const type = rng.weighted(MIX_WEIGHTS);
    const n = this.sent++;
    const occurredAt = new Date(now.getTime() - 60_000).toISOString();
    const links = {
      contactId: contact.contactId,
      ...(contact.accountId !== undefined && { accountId: contact.accountId }),
    };
    const direction = rng.chance(0.6) ? ('outbound' as const) : ('inbound' as const);
    const interaction = (
      command: DemoCommand & { data: { interactionId: string } },
      path: string,
    ) => {
      const { interactionId, ...body } = command.data;
      return {
        kind: 'interaction' as const,
        recordId: interactionId,
        command,
        http: { method: 'POST' as const, path, body: { id: interactionId, ...body } },
      };
    };
    switch (type) {
      case 'LogEmail':
        return interaction(
          {
            type: 'LogEmail',
            data: {
              interactionId: rng.uuid(),
              ...links,
              occurredAt,
              direction,
              subject: rng.pick(SUBJECTS),
              bodyPreview: 'Hi, following up on our conversation…',
            },
          },
          '/interactions/emails',
        );
      case 'LogCall': {
        const outcome = rng.pick(OUTCOMES);
        return interaction(
          {
            type: 'LogCall',
            data: {
              interactionId: rng.uuid(),
              ...links,
              occurredAt,
              direction,
              outcome,
              durationSeconds: outcome === 'connected' ? rng.int(60, 1800) : 0,
              summary: 'Discussed next steps.',
            },
          },
          '/interactions/calls',
        );
      }
      case 'LogNote':
        return interaction(
          {
            type: 'LogNote',
            data: {
              interactionId: rng.uuid(),
              ...links,
              occurredAt,
              body: 'Prefers a call on Tuesday mornings.',
            },
          },
          '/interactions/notes',
        );
      case 'LogMeeting':
        return interaction(
          {
            type: 'LogMeeting',
            data: {
              interactionId: rng.uuid(),
              ...links,
              subject: rng.pick(SUBJECTS),
              participants: ['rep@bench.example', 'customer@bench.example'],
              startAt: new Date(now.getTime() - 45 * 60_000).toISOString(),
              endAt: occurredAt,
            },
          },
          '/interactions/meetings',
        );
      case 'SetContactCustomField': {
        const value = `touch-${n}`;
        return {
          kind: 'contact',
          recordId: contact.contactId,
          command: {
            type: 'SetContactCustomField',
            data: { contactId: contact.contactId, key: 'lastTouch', value },
          },
          http: {
            method: 'PUT',
            path: `/contacts/${contact.contactId}/custom-fields/lastTouch`,
            body: { value },
          },
        };
      }
      case 'TagContact': {
        const tag = rng.pick(TAGS);
        return {
          kind: 'contact',
          recordId: contact.contactId,
          command: { type: 'TagContact', data: { contactId: contact.contactId, tag } },
          http: { method: 'POST', path: `/contacts/${contact.contactId}/tags`, body: { tag } },
        };
      }
    }
  }
}
