import { DeciderSpecification, SPEC_NOW } from '@crm/testing';
import { interactionDecider } from './interaction.decider';
import { InteractionEvent } from './interaction.events';

const interactionId = 'interaction-1';
const contactId = 'contact-1';
const earlier = '2026-01-15T09:30:00.000Z';
const fiveMinutesAhead = '2026-01-15T10:05:00.000Z';
const sixMinutesAhead = '2026-01-15T10:06:00.000Z';

const callData = {
  interactionId,
  contactId,
  accountId: 'account-1',
  dealId: 'deal-1',
  occurredAt: earlier,
  direction: 'outbound' as const,
  durationSeconds: 420,
  outcome: 'connected' as const,
  summary: 'Walked through the renewal quote',
};
const callLogged: InteractionEvent = { type: 'CallLogged', data: callData };
const emailLogged: InteractionEvent = {
  type: 'EmailLogged',
  data: {
    interactionId,
    contactId,
    ticketId: 'ticket-1',
    occurredAt: earlier,
    direction: 'inbound',
    subject: 'Invoice question',
    bodyPreview: 'Hi, I was wondering why…',
  },
};
const meetingLogged: InteractionEvent = {
  type: 'MeetingLogged',
  data: {
    interactionId,
    contactId,
    accountId: 'account-1',
    occurredAt: '2026-01-20T14:00:00.000Z',
    subject: 'Quarterly business review',
    participants: ['user-7', 'contact-1'],
    startAt: '2026-01-20T14:00:00.000Z',
    endAt: '2026-01-20T15:00:00.000Z',
    location: 'Zoom',
  },
};
const noteLogged: InteractionEvent = {
  type: 'NoteLogged',
  data: { interactionId, contactId, occurredAt: earlier, body: 'Prefers calls after 3pm' },
};
const meeting = {
  interactionId,
  contactId,
  accountId: 'account-1',
  subject: 'Quarterly business review',
  participants: ['user-7', 'contact-1'],
  startAt: '2026-01-20T14:00:00.000Z',
  endAt: '2026-01-20T15:00:00.000Z',
  location: 'Zoom',
};
const spec = DeciderSpecification.for(interactionDecider);

describe('Interaction decider', () => {
  describe('LogCall', () => {
    it('logs a call with its links', () =>
      spec
        .given([])
        .when({ type: 'LogCall', data: { ...callData } })
        .then([callLogged]));

    it('logs a call linked to a contact only', () =>
      spec
        .given([])
        .when({
          type: 'LogCall',
          data: {
            interactionId,
            contactId,
            occurredAt: earlier,
            direction: 'inbound',
            durationSeconds: 0,
            outcome: 'no_answer',
          },
        })
        .then([
          {
            type: 'CallLogged',
            data: {
              interactionId,
              contactId,
              occurredAt: earlier,
              direction: 'inbound',
              durationSeconds: 0,
              outcome: 'no_answer',
            },
          },
        ]));

    it('accepts a call dated up to five minutes ahead of the clock', () =>
      spec
        .given([])
        .when({ type: 'LogCall', data: { ...callData, occurredAt: fiveMinutesAhead } })
        .then([{ type: 'CallLogged', data: { ...callData, occurredAt: fiveMinutesAhead } }]));

    it('refuses a call dated more than five minutes ahead of the clock', () =>
      spec
        .given([])
        .when({ type: 'LogCall', data: { ...callData, occurredAt: sixMinutesAhead } })
        .thenThrows('INTERACTION_IN_FUTURE', 'rule'));

    it('refuses an occurredAt that is not a date-time', () =>
      spec
        .given([])
        .when({ type: 'LogCall', data: { ...callData, occurredAt: 'yesterday-ish' } })
        .thenThrows('INTERACTION_INVALID_TIME', 'rule'));

    it('refuses a negative duration', () =>
      spec
        .given([])
        .when({ type: 'LogCall', data: { ...callData, durationSeconds: -1 } })
        .thenThrows('INTERACTION_INVALID_DURATION', 'rule'));

    it('refuses a fractional duration', () =>
      spec
        .given([])
        .when({ type: 'LogCall', data: { ...callData, durationSeconds: 12.5 } })
        .thenThrows('INTERACTION_INVALID_DURATION', 'rule'));

    it('refuses an interaction id already logged', () =>
      spec
        .given([callLogged])
        .when({ type: 'LogCall', data: { ...callData } })
        .thenThrows('INTERACTION_ALREADY_EXISTS', 'already_exists'));

    it('refuses an interaction id already logged as another kind', () =>
      spec
        .given([noteLogged])
        .when({ type: 'LogCall', data: { ...callData } })
        .thenThrows('INTERACTION_ALREADY_EXISTS', 'already_exists'));
  });

  describe('LogEmail', () => {
    const email = {
      interactionId,
      contactId,
      ticketId: 'ticket-1',
      occurredAt: earlier,
      direction: 'inbound' as const,
      subject: 'Invoice question',
      bodyPreview: 'Hi, I was wondering why…',
    };

    it('logs an email', () =>
      spec.given([]).when({ type: 'LogEmail', data: email }).then([emailLogged]));

    it('refuses an email dated more than five minutes ahead of the clock', () =>
      spec
        .given([])
        .when({ type: 'LogEmail', data: { ...email, occurredAt: sixMinutesAhead } })
        .thenThrows('INTERACTION_IN_FUTURE', 'rule'));

    it('refuses an occurredAt that is not a date-time', () =>
      spec
        .given([])
        .when({ type: 'LogEmail', data: { ...email, occurredAt: '' } })
        .thenThrows('INTERACTION_INVALID_TIME', 'rule'));

    it('refuses an interaction id already logged', () =>
      spec
        .given([emailLogged])
        .when({ type: 'LogEmail', data: email })
        .thenThrows('INTERACTION_ALREADY_EXISTS', 'already_exists'));
  });

  describe('LogMeeting', () => {
    it('logs a meeting ahead of time, dated by its start', () =>
      spec.given([]).when({ type: 'LogMeeting', data: meeting }).then([meetingLogged]));

    it('logs a meeting that already took place', () =>
      spec
        .given([])
        .when({
          type: 'LogMeeting',
          data: { ...meeting, startAt: earlier, endAt: '2026-01-15T09:45:00.000Z' },
        })
        .then([
          {
            type: 'MeetingLogged',
            data: {
              ...meeting,
              occurredAt: earlier,
              startAt: earlier,
              endAt: '2026-01-15T09:45:00.000Z',
            },
          },
        ]));

    it('refuses a meeting that ends before it starts', () =>
      spec
        .given([])
        .when({
          type: 'LogMeeting',
          data: { ...meeting, endAt: '2026-01-20T13:00:00.000Z' },
        })
        .thenThrows('INTERACTION_MEETING_ENDS_BEFORE_START', 'rule'));

    it('refuses a meeting that ends the moment it starts', () =>
      spec
        .given([])
        .when({ type: 'LogMeeting', data: { ...meeting, endAt: meeting.startAt } })
        .thenThrows('INTERACTION_MEETING_ENDS_BEFORE_START', 'rule'));

    it('refuses a meeting without participants', () =>
      spec
        .given([])
        .when({ type: 'LogMeeting', data: { ...meeting, participants: [] } })
        .thenThrows('INTERACTION_MEETING_NO_PARTICIPANTS', 'rule'));

    it('refuses a start that is not a date-time', () =>
      spec
        .given([])
        .when({ type: 'LogMeeting', data: { ...meeting, startAt: 'soon' } })
        .thenThrows('INTERACTION_INVALID_TIME', 'rule'));

    it('refuses an end that is not a date-time', () =>
      spec
        .given([])
        .when({ type: 'LogMeeting', data: { ...meeting, endAt: 'later' } })
        .thenThrows('INTERACTION_INVALID_TIME', 'rule'));

    it('refuses an interaction id already logged', () =>
      spec
        .given([meetingLogged])
        .when({ type: 'LogMeeting', data: meeting })
        .thenThrows('INTERACTION_ALREADY_EXISTS', 'already_exists'));
  });

  describe('LogNote', () => {
    const note = { interactionId, contactId, occurredAt: earlier, body: 'Prefers calls after 3pm' };

    it('logs a note', () =>
      spec.given([]).when({ type: 'LogNote', data: note }).then([noteLogged]));

    it('logs a note dated at the current time', () =>
      spec
        .given([])
        .when({ type: 'LogNote', data: { ...note, occurredAt: SPEC_NOW.toISOString() } })
        .then([{ type: 'NoteLogged', data: { ...note, occurredAt: SPEC_NOW.toISOString() } }]));

    it('refuses a note dated more than five minutes ahead of the clock', () =>
      spec
        .given([])
        .when({ type: 'LogNote', data: { ...note, occurredAt: sixMinutesAhead } })
        .thenThrows('INTERACTION_IN_FUTURE', 'rule'));

    it('refuses an occurredAt that is not a date-time', () =>
      spec
        .given([])
        .when({ type: 'LogNote', data: { ...note, occurredAt: 'not a time' } })
        .thenThrows('INTERACTION_INVALID_TIME', 'rule'));

    it('refuses an interaction id already logged', () =>
      spec
        .given([callLogged])
        .when({ type: 'LogNote', data: note })
        .thenThrows('INTERACTION_ALREADY_EXISTS', 'already_exists'));
  });

  describe('CorrectInteractionLinks', () => {
    it('relinks, links and unlinks, remembering what each link replaced', () =>
      spec
        .given([callLogged])
        .when({
          type: 'CorrectInteractionLinks',
          data: { interactionId, accountId: 'account-2', dealId: null, ticketId: 'ticket-9' },
        })
        .then([
          {
            type: 'InteractionLinksCorrected',
            data: {
              interactionId,
              contactId,
              accountId: 'account-2',
              dealId: null,
              ticketId: 'ticket-9',
              previous: { accountId: 'account-1', dealId: 'deal-1', ticketId: null },
            },
          },
        ]));

    it('carries only the links that change', () =>
      spec
        .given([callLogged])
        .when({
          type: 'CorrectInteractionLinks',
          data: { interactionId, accountId: 'account-1', dealId: 'deal-2' },
        })
        .then([
          {
            type: 'InteractionLinksCorrected',
            data: { interactionId, contactId, dealId: 'deal-2', previous: { dealId: 'deal-1' } },
          },
        ]));

    it('starts from the links left by earlier corrections', () =>
      spec
        .given([
          callLogged,
          {
            type: 'InteractionLinksCorrected',
            data: {
              interactionId,
              contactId,
              accountId: null,
              dealId: 'deal-2',
              previous: { accountId: 'account-1', dealId: 'deal-1' },
            },
          },
        ])
        .when({
          type: 'CorrectInteractionLinks',
          data: { interactionId, accountId: null, dealId: 'deal-3' },
        })
        .then([
          {
            type: 'InteractionLinksCorrected',
            data: { interactionId, contactId, dealId: 'deal-3', previous: { dealId: 'deal-2' } },
          },
        ]));

    it('records nothing when every link already matches', () =>
      spec
        .given([callLogged])
        .when({
          type: 'CorrectInteractionLinks',
          data: { interactionId, accountId: 'account-1', dealId: 'deal-1', ticketId: null },
        })
        .thenNothingHappens());

    it('records nothing when no link is given', () =>
      spec
        .given([meetingLogged])
        .when({ type: 'CorrectInteractionLinks', data: { interactionId } })
        .thenNothingHappens());

    it('refuses an unknown interaction', () =>
      spec
        .given([])
        .when({ type: 'CorrectInteractionLinks', data: { interactionId, accountId: 'account-2' } })
        .thenThrows('INTERACTION_NOT_FOUND', 'not_found'));
  });
});
