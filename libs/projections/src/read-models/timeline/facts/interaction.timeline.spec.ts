import {
  CallLogged,
  EmailLogged,
  InteractionLinksCorrected,
  MeetingLogged,
  NoteLogged,
} from '@crm/domain';
import {
  entryOf,
  expectEntry,
  RECORDED_AT,
  summaryOf,
  TimelineCase,
  timelineEvent as event,
} from '../timeline.test-kit';

const cases: TimelineCase[] = [
  [
    'CallLogged',
    event<CallLogged>('CallLogged', {
      interactionId: 'i-1',
      contactId: 'c-1',
      accountId: 'a-1',
      dealId: 'd-1',
      occurredAt: '2026-01-20T14:00:00.000Z',
      direction: 'outbound',
      durationSeconds: 240,
      outcome: 'connected',
    }),
    {
      occurredAt: '2026-01-20T14:00:00.000Z',
      links: { contactId: 'c-1', accountId: 'a-1', dealId: 'd-1', interactionId: 'i-1' },
      facts: { direction: 'outbound', durationSeconds: 240, outcome: 'connected' },
      summary: 'Call (outbound, 4 min): connected',
    },
  ],
  [
    'EmailLogged',
    event<EmailLogged>('EmailLogged', {
      interactionId: 'i-2',
      contactId: 'c-1',
      ticketId: 't-1',
      occurredAt: '2026-01-20T15:00:00.000Z',
      direction: 'inbound',
      subject: 'Re: invoice 42',
      bodyPreview: 'Thanks, paid today.',
    }),
    {
      occurredAt: '2026-01-20T15:00:00.000Z',
      links: { contactId: 'c-1', ticketId: 't-1', interactionId: 'i-2' },
      facts: { direction: 'inbound', subject: 'Re: invoice 42' },
      summary: 'Email (inbound): Re: invoice 42',
    },
  ],
  [
    'MeetingLogged',
    event<MeetingLogged>('MeetingLogged', {
      interactionId: 'i-3',
      contactId: 'c-1',
      accountId: 'a-1',
      occurredAt: '2026-01-21T10:00:00.000Z',
      subject: 'Kick-off',
      participants: ['user-1', 'c-1', 'c-2'],
      startAt: '2026-01-21T10:00:00.000Z',
      endAt: '2026-01-21T10:45:00.000Z',
      location: 'HQ',
    }),
    {
      occurredAt: '2026-01-21T10:00:00.000Z',
      links: { contactId: 'c-1', accountId: 'a-1', interactionId: 'i-3' },
      facts: {
        startAt: '2026-01-21T10:00:00.000Z',
        endAt: '2026-01-21T10:45:00.000Z',
        participantCount: 3,
        subject: 'Kick-off',
      },
      summary: 'Meeting (45 min, 3 participants): Kick-off',
    },
  ],
  [
    'NoteLogged',
    event<NoteLogged>('NoteLogged', {
      interactionId: 'i-4',
      contactId: 'c-1',
      occurredAt: '2026-01-22T09:00:00.000Z',
      body: 'Prefers\n  email   over calls ',
    }),
    {
      occurredAt: '2026-01-22T09:00:00.000Z',
      links: { contactId: 'c-1', interactionId: 'i-4' },
      facts: { body: 'Prefers email over calls' },
      summary: 'Note: Prefers email over calls',
    },
  ],
  [
    'InteractionLinksCorrected',
    event<InteractionLinksCorrected>('InteractionLinksCorrected', {
      interactionId: 'i-1',
      contactId: 'c-1',
      accountId: null,
      dealId: 'd-2',
      previous: { accountId: 'a-1', dealId: 'd-1' },
    }),
    {
      occurredAt: RECORDED_AT,
      // The account it left is linked too: the account's timeline shows the interaction leave.
      links: { contactId: 'c-1', accountId: 'a-1', dealId: 'd-2', interactionId: 'i-1' },
      facts: {
        changes: [
          { link: 'accountId', to: null, was: 'a-1' },
          { link: 'dealId', to: 'd-2', was: 'd-1' },
        ],
      },
      summary: 'Links corrected: account unlinked (was a-1), deal d-2 (was d-1)',
    },
  ],
];

const note = (body: string, position?: bigint) =>
  event<NoteLogged>(
    'NoteLogged',
    { interactionId: 'i-1', contactId: 'c-1', occurredAt: RECORDED_AT, body },
    position !== undefined ? { position } : {},
  );

describe('interactions on the timeline', () => {
  it.each(cases)('%s: its time, links, facts and line', (_type, projected, expected) =>
    expectEntry(projected, expected),
  );

  it('position orders entries that share a time', () => {
    expect([entryOf(note('one', 41n)).position, entryOf(note('two', 42n)).position]).toEqual([
      41, 42,
    ]);
  });

  it('call lines: short calls in seconds, long ones in hours, the call summary after', () => {
    const call = (durationSeconds: number, summary?: string) =>
      summaryOf(
        event<CallLogged>('CallLogged', {
          interactionId: 'i-1',
          contactId: 'c-1',
          occurredAt: RECORDED_AT,
          direction: 'inbound',
          durationSeconds,
          outcome: 'no_answer',
          ...(summary !== undefined && { summary }),
        }),
      );
    expect(call(45)).toBe('Call (inbound, 45 s): no answer');
    expect(call(7500)).toBe('Call (inbound, 2 h 5 min): no answer');
    expect(call(3600)).toBe('Call (inbound, 1 h): no answer');
    expect(call(600, 'left a voicemail about renewal')).toBe(
      'Call (inbound, 10 min): no answer - left a voicemail about renewal',
    );
  });

  it('lines stay short: long free text is cut with an ellipsis, and kept short too', () => {
    const long = note('word '.repeat(100));
    const summary = summaryOf(long);
    expect(summary.startsWith('Note: word word')).toBe(true);
    expect(summary.endsWith('…')).toBe(true);
    expect(summary.length).toBeLessThanOrEqual('Note: '.length + 120);
    const { body } = entryOf(long).facts as { body: string };
    expect(body.length).toBeLessThanOrEqual(200);
    expect(body.endsWith('…')).toBe(true);
  });

  it('a meeting of one, an hour and a half long', () => {
    const meeting = event<MeetingLogged>('MeetingLogged', {
      interactionId: 'i-3',
      contactId: 'c-1',
      occurredAt: RECORDED_AT,
      subject: 'Demo',
      participants: ['c-1'],
      startAt: '2026-01-21T10:00:00.000Z',
      endAt: '2026-01-21T11:30:00.000Z',
    });
    expect(summaryOf(meeting)).toBe('Meeting (1 h 30 min, 1 participant): Demo');
  });

  it('a correction that unlinks a ticket is on the ticket it left', () => {
    const corrected = event<InteractionLinksCorrected>('InteractionLinksCorrected', {
      interactionId: 'i-2',
      contactId: 'c-1',
      ticketId: null,
      previous: { ticketId: 't-1' },
    });
    expect(entryOf(corrected)).toMatchObject({ ticketId: 't-1', contactId: 'c-1' });
    expect(summaryOf(corrected)).toBe('Links corrected: ticket unlinked (was t-1)');
  });
});
