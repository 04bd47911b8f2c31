import { IsoDateTime } from '../shared';
import { interactionErrors } from './interaction.errors';
import {
  CorrectInteractionLinks,
  INTERACTION_CORRECTABLE_LINKS,
  InteractionCommand,
  InteractionLinkChanges,
} from './interaction.commands';
import { InteractionEvent, InteractionLinksCorrected } from './interaction.events';
import { InteractionState } from './interaction.state';

/** How far ahead of the clock a call, email or note may be dated (clock skew, not planning). */
const INTERACTION_FUTURE_TOLERANCE_MINUTES = 5;

const MS_PER_MINUTE = 60_000;

const assertAbsent = (state: InteractionState, interactionId: string): void => {
  if (state.exists) throw interactionErrors.alreadyExists(interactionId);
};

const parseTime = (field: string, value: IsoDateTime): number => {
  const time = Date.parse(value);
  if (Number.isNaN(time)) {
    throw interactionErrors.rule('INTERACTION_INVALID_TIME', `${field} is not a valid date-time`, {
      field,
      value,
    });
  }
  return time;
};

const assertNotInFuture = (occurredAt: IsoDateTime, now: Date): void => {
  const latest = now.getTime() + INTERACTION_FUTURE_TOLERANCE_MINUTES * MS_PER_MINUTE;
  if (parseTime('occurredAt', occurredAt) > latest) {
    throw interactionErrors.rule(
      'INTERACTION_IN_FUTURE',
      `an interaction cannot be logged ahead of time`,
      {
        occurredAt,
        now: now.toISOString(),
        toleranceMinutes: INTERACTION_FUTURE_TOLERANCE_MINUTES,
      },
    );
  }
};

const assertDuration = (durationSeconds: number): void => {
  if (!Number.isInteger(durationSeconds) || durationSeconds < 0) {
    throw interactionErrors.rule(
      'INTERACTION_INVALID_DURATION',
      'a call lasts a whole number of seconds, 0 or more',
      { durationSeconds },
    );
  }
};

const correctLinks = (
  command: CorrectInteractionLinks,
  state: InteractionState,
): InteractionLinksCorrected[] => {
  const { interactionId } = command.data;
  if (!state.exists) throw interactionErrors.notFound(interactionId);
  const changes: InteractionLinkChanges = {};
  const previous: InteractionLinkChanges = {};
  for (const link of INTERACTION_CORRECTABLE_LINKS) {
    const requested = command.data[link];
    const current = state[link] ?? null;
    if (requested === undefined || requested === current) continue;
    changes[link] = requested;
    previous[link] = current;
  }
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'InteractionLinksCorrected',
      data: { interactionId, contactId: state.contactId, ...changes, previous },
    },
  ];
};

export const decideInteraction = (
  command: InteractionCommand,
  state: InteractionState,
): InteractionEvent[] => {
  const { now } = command.metadata;
  switch (command.type) {
    case 'LogCall':
      assertAbsent(state, command.data.interactionId);
      assertNotInFuture(command.data.occurredAt, now);
      assertDuration(command.data.durationSeconds);
      return [{ type: 'CallLogged', data: { ...command.data } }];
    case 'LogEmail':
      assertAbsent(state, command.data.interactionId);
      assertNotInFuture(command.data.occurredAt, now);
      return [{ type: 'EmailLogged', data: { ...command.data } }];
    case 'LogMeeting': {
      const { interactionId, participants, startAt, endAt } = command.data;
      assertAbsent(state, interactionId);
      if (participants.length === 0) {
        throw interactionErrors.rule(
          'INTERACTION_MEETING_NO_PARTICIPANTS',
          `meeting ${interactionId} has no participants`,
        );
      }
      if (parseTime('endAt', endAt) <= parseTime('startAt', startAt)) {
        throw interactionErrors.rule(
          'INTERACTION_MEETING_ENDS_BEFORE_START',
          `meeting ${interactionId} must end after it starts`,
          { startAt, endAt },
        );
      }
      return [
        {
          type: 'MeetingLogged',
          data: { ...command.data, participants: [...participants], occurredAt: startAt },
        },
      ];
    }
    case 'LogNote':
      assertAbsent(state, command.data.interactionId);
      assertNotInFuture(command.data.occurredAt, now);
      return [{ type: 'NoteLogged', data: { ...command.data } }];
    case 'CorrectInteractionLinks':
      return correctLinks(command, state);
  }
};
