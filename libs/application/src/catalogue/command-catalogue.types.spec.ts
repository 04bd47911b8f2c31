import { IntentFor } from './command-catalogue';
import { CommandRequest } from '../processes/command-request';

/**
 * What the compiler refuses: `npm run typecheck` fails if any `@ts-expect-error` below stops
 * being an error, so these lines are tests of the catalogue's types.
 */
const win: IntentFor<'deal'> = { type: 'WinDeal', data: { dealId: 'd-1' } };

// @ts-expect-error a contact command is not a deal command
const wrongKind: IntentFor<'deal'> = { type: 'CreateContact', data: { contactId: 'c-1' } };

// @ts-expect-error the data of LoseDeal needs a reason
const missingField: IntentFor<'deal'> = { type: 'LoseDeal', data: { dealId: 'd-1' } };

const wrongShape: IntentFor<'deal'> = {
  type: 'ChangeDealAmount',
  // @ts-expect-error an amount is money, not a number
  data: { dealId: 'd-1', amount: 5 },
};

// The client's intent leaves out what the preparer adds: a deal's pipeline stages.
const move: IntentFor<'deal'> = { type: 'MoveDealStage', data: { dealId: 'd-1', stageId: 's-2' } };

const request: CommandRequest<'pipeline'> = {
  kind: 'pipeline',
  recordId: 'p-1',
  // @ts-expect-error a process manager cannot send a deal command to a pipeline
  intent: win,
  context: { tenantId: 't', actorId: 'a', commandId: 'c', correlationId: 'c', causationId: 'c' },
};

describe('catalogue types', () => {
  it('are checked by the compiler (see the @ts-expect-error lines)', () => {
    expect([win, wrongKind, missingField, wrongShape, move, request]).toHaveLength(6);
  });
});
