import { DeciderSpecification, SPEC_NOW } from '@crm/testing';
import { PipelineStage } from '../pipeline/pipeline.commands';
import { DomainError, foldEvents } from '../shared';
import { dealDecider } from './deal.decider';
import { DealEvent } from './deal.events';

const dealId = 'deal-1';
const at = SPEC_NOW.toISOString();
const pipelineStages: PipelineStage[] = [
  { stageId: 'stage-discovery', name: 'Discovery', probability: 0.1 },
  { stageId: 'stage-proposal', name: 'Proposal', probability: 0.5 },
  { stageId: 'stage-negotiation', name: 'Negotiation', probability: 0.8 },
];
/** The amount as a command gives it, and as events and the state hold it. */
const amount = { amount: 12000, currency: 'EUR' };
const exact = { amountMinor: 1_200_000, currency: 'EUR' };
const minor = (amountMinor: number, currency = 'EUR') => ({ amountMinor, currency });
const opened: DealEvent = {
  type: 'DealOpened',
  data: {
    dealId,
    title: 'Analytical Engines - 50 seats',
    accountId: 'account-1',
    amount: exact,
    pipelineId: 'pipeline-1',
    stageId: 'stage-discovery',
    probability: 0.1,
    expectedCloseDate: '2026-03-31',
    ownerId: 'user-7',
    openedAt: at,
  },
};
const openDeal = {
  dealId,
  title: 'Analytical Engines - 50 seats',
  accountId: 'account-1',
  amount,
  pipelineId: 'pipeline-1',
  stageId: 'stage-discovery',
  pipelineStages,
  expectedCloseDate: '2026-03-31',
  ownerId: 'user-7',
};
const movedToProposal: DealEvent = {
  type: 'DealStageMoved',
  data: {
    dealId,
    fromStageId: 'stage-discovery',
    toStageId: 'stage-proposal',
    probability: 0.5,
    movedAt: at,
  },
};
const won: DealEvent = { type: 'DealWon', data: { dealId, amount: exact, wonAt: at } };
const lost: DealEvent = {
  type: 'DealLost',
  data: { dealId, reason: 'went with a competitor', lostAt: at },
};
const spec = DeciderSpecification.for(dealDecider);

describe('Deal decider', () => {
  describe('OpenDeal', () => {
    it('opens a deal at the probability of its stage', () =>
      spec.given([]).when({ type: 'OpenDeal', data: openDeal }).then([opened]));

    it('opens a deal for a contact only, remembering the lead it came from', () =>
      spec
        .given([])
        .when({
          type: 'OpenDeal',
          data: {
            ...openDeal,
            accountId: undefined,
            contactId: 'contact-1',
            stageId: 'stage-proposal',
            amount: { amount: 0, currency: 'USD' },
            origin: { leadId: 'lead-1' },
          },
        })
        .then([
          {
            type: 'DealOpened',
            data: {
              dealId,
              title: 'Analytical Engines - 50 seats',
              contactId: 'contact-1',
              amount: minor(0, 'USD'),
              pipelineId: 'pipeline-1',
              stageId: 'stage-proposal',
              probability: 0.5,
              expectedCloseDate: '2026-03-31',
              ownerId: 'user-7',
              origin: { leadId: 'lead-1' },
              openedAt: at,
            },
          },
        ]));

    it('keeps the pipeline stages out of the event', () => {
      const [event] = dealDecider.decide(
        { type: 'OpenDeal', data: openDeal, metadata: { now: SPEC_NOW } },
        dealDecider.initialState(),
      );
      expect(event).toStrictEqual(JSON.parse(JSON.stringify(opened)));
      expect(event?.data).not.toHaveProperty('pipelineStages');
    });

    it('refuses a deal with neither account nor contact', () =>
      spec
        .given([])
        .when({ type: 'OpenDeal', data: { ...openDeal, accountId: undefined } })
        .thenThrows('DEAL_NO_PARTY', 'rule'));

    it('refuses a stage that is not in the pipeline', () =>
      spec
        .given([])
        .when({ type: 'OpenDeal', data: { ...openDeal, stageId: 'stage-unknown' } })
        .thenThrows('DEAL_UNKNOWN_STAGE'));

    it('refuses a negative amount', () =>
      spec
        .given([])
        .when({ type: 'OpenDeal', data: { ...openDeal, amount: { amount: -1, currency: 'EUR' } } })
        .thenThrows('DEAL_NEGATIVE_AMOUNT'));

    it('refuses an amount that is not a finite number', () =>
      spec
        .given([])
        .when({
          type: 'OpenDeal',
          data: { ...openDeal, amount: { amount: Number.NaN, currency: 'EUR' } },
        })
        .thenThrows('DEAL_INVALID_AMOUNT'));

    it.each(['eur', 'EURO', 'E1R', ''])('refuses the currency "%s"', (currency) =>
      spec
        .given([])
        .when({ type: 'OpenDeal', data: { ...openDeal, amount: { amount: 10, currency } } })
        .thenThrows('DEAL_INVALID_CURRENCY'),
    );

    it.each(['2026-02-30', '31/03/2026', '2026-3-31', '2026-03-31T00:00:00.000Z'])(
      'refuses the expected close date "%s"',
      (expectedCloseDate) =>
        spec
          .given([])
          .when({ type: 'OpenDeal', data: { ...openDeal, expectedCloseDate } })
          .thenThrows('DEAL_INVALID_EXPECTED_CLOSE_DATE'),
    );

    it('refuses a deal id that already exists', () =>
      spec
        .given([opened])
        .when({ type: 'OpenDeal', data: openDeal })
        .thenThrows('DEAL_ALREADY_EXISTS', 'already_exists'));
  });

  describe('ApplyQuoteToDeal', () => {
    const quote = { status: 'accepted', dealId, total: minor(987_654) };
    const apply = (overrides: Partial<typeof quote> = {}) => ({
      type: 'ApplyQuoteToDeal' as const,
      data: { dealId, quoteId: 'quote-1', quote: { ...quote, ...overrides } },
    });

    it("sets the amount to the accepted quote's total, naming the quote", () =>
      spec
        .given([opened])
        .when(apply())
        .then([
          {
            type: 'DealAmountChanged',
            data: { dealId, previousAmount: exact, amount: quote.total, quoteId: 'quote-1' },
          },
        ]));

    it('does nothing when the amount already is the total', () =>
      spec
        .given([opened])
        .when(apply({ total: exact }))
        .thenNothingHappens());

    it('refuses a quote not accepted, one for another deal, another currency, a closed deal', () => {
      spec
        .given([opened])
        .when(apply({ status: 'sent' }))
        .thenThrows('DEAL_QUOTE_NOT_ACCEPTED');
      spec
        .given([opened])
        .when(apply({ dealId: 'deal-2' }))
        .thenThrows('DEAL_QUOTE_FOR_OTHER_DEAL');
      spec
        .given([opened])
        .when(apply({ total: minor(100, 'USD') }))
        .thenThrows('DEAL_CURRENCY_MISMATCH');
      spec.given([opened, won]).when(apply()).thenThrows('DEAL_CLOSED');
    });
  });

  describe('ChangeDealAmount', () => {
    it('changes the amount and remembers the previous one', () =>
      spec
        .given([opened])
        .when({
          type: 'ChangeDealAmount',
          data: { dealId, amount: { amount: 15000, currency: 'EUR' } },
        })
        .then([
          {
            type: 'DealAmountChanged',
            data: { dealId, previousAmount: exact, amount: minor(1_500_000) },
          },
        ]));

    it('changes the currency alone', () =>
      spec
        .given([opened])
        .when({
          type: 'ChangeDealAmount',
          data: { dealId, amount: { amount: 12000, currency: 'USD' } },
        })
        .then([
          {
            type: 'DealAmountChanged',
            data: { dealId, previousAmount: exact, amount: minor(1_200_000, 'USD') },
          },
        ]));

    it('records nothing when the amount does not change', () =>
      spec
        .given([opened])
        .when({ type: 'ChangeDealAmount', data: { dealId, amount: { ...amount } } })
        .thenNothingHappens());

    it('refuses a negative amount', () =>
      spec
        .given([opened])
        .when({
          type: 'ChangeDealAmount',
          data: { dealId, amount: { amount: -5, currency: 'EUR' } },
        })
        .thenThrows('DEAL_NEGATIVE_AMOUNT'));

    it('refuses an invalid currency', () =>
      spec
        .given([opened])
        .when({
          type: 'ChangeDealAmount',
          data: { dealId, amount: { amount: 5, currency: 'eur' } },
        })
        .thenThrows('DEAL_INVALID_CURRENCY'));

    it('refuses a won deal', () =>
      spec
        .given([opened, won])
        .when({
          type: 'ChangeDealAmount',
          data: { dealId, amount: { amount: 1, currency: 'EUR' } },
        })
        .thenThrows('DEAL_CLOSED'));

    it('refuses an unknown deal', () =>
      spec
        .given([])
        .when({ type: 'ChangeDealAmount', data: { dealId, amount } })
        .thenThrows('DEAL_NOT_FOUND', 'not_found'));
  });

  describe('ChangeDealExpectedClose', () => {
    it('changes the expected close date and remembers the previous one', () =>
      spec
        .given([opened])
        .when({
          type: 'ChangeDealExpectedClose',
          data: { dealId, expectedCloseDate: '2026-04-30' },
        })
        .then([
          {
            type: 'DealExpectedCloseChanged',
            data: {
              dealId,
              previousExpectedCloseDate: '2026-03-31',
              expectedCloseDate: '2026-04-30',
            },
          },
        ]));

    it('records nothing when the date does not change', () =>
      spec
        .given([opened])
        .when({
          type: 'ChangeDealExpectedClose',
          data: { dealId, expectedCloseDate: '2026-03-31' },
        })
        .thenNothingHappens());

    it('refuses a date that is not YYYY-MM-DD', () =>
      spec
        .given([opened])
        .when({ type: 'ChangeDealExpectedClose', data: { dealId, expectedCloseDate: 'next week' } })
        .thenThrows('DEAL_INVALID_EXPECTED_CLOSE_DATE'));

    it('refuses a lost deal', () =>
      spec
        .given([opened, lost])
        .when({
          type: 'ChangeDealExpectedClose',
          data: { dealId, expectedCloseDate: '2026-04-30' },
        })
        .thenThrows('DEAL_CLOSED'));

    it('refuses an unknown deal', () =>
      spec
        .given([])
        .when({
          type: 'ChangeDealExpectedClose',
          data: { dealId, expectedCloseDate: '2026-04-30' },
        })
        .thenThrows('DEAL_NOT_FOUND', 'not_found'));
  });

  describe('MoveDealStage', () => {
    it('moves the deal and takes the probability of the new stage', () =>
      spec
        .given([opened])
        .when({
          type: 'MoveDealStage',
          data: { dealId, stageId: 'stage-proposal', pipelineStages },
        })
        .then([movedToProposal]));

    it('moves from the stage the deal is in now', () =>
      spec
        .given([opened, movedToProposal])
        .when({
          type: 'MoveDealStage',
          data: { dealId, stageId: 'stage-discovery', pipelineStages },
        })
        .then([
          {
            type: 'DealStageMoved',
            data: {
              dealId,
              fromStageId: 'stage-proposal',
              toStageId: 'stage-discovery',
              probability: 0.1,
              movedAt: at,
            },
          },
        ]));

    it('records nothing when the deal is already in the stage', () =>
      spec
        .given([opened, movedToProposal])
        .when({
          type: 'MoveDealStage',
          data: { dealId, stageId: 'stage-proposal', pipelineStages },
        })
        .thenNothingHappens());

    it('refuses a stage that is not in the pipeline', () =>
      spec
        .given([opened])
        .when({ type: 'MoveDealStage', data: { dealId, stageId: 'stage-unknown', pipelineStages } })
        .thenThrows('DEAL_UNKNOWN_STAGE'));

    it('refuses a won deal', () =>
      spec
        .given([opened, won])
        .when({
          type: 'MoveDealStage',
          data: { dealId, stageId: 'stage-proposal', pipelineStages },
        })
        .thenThrows('DEAL_CLOSED'));

    it('refuses a lost deal', () =>
      spec
        .given([opened, lost])
        .when({
          type: 'MoveDealStage',
          data: { dealId, stageId: 'stage-proposal', pipelineStages },
        })
        .thenThrows('DEAL_CLOSED'));

    it('refuses an unknown deal', () =>
      spec
        .given([])
        .when({
          type: 'MoveDealStage',
          data: { dealId, stageId: 'stage-proposal', pipelineStages },
        })
        .thenThrows('DEAL_NOT_FOUND', 'not_found'));
  });

  describe('WinDeal', () => {
    it('wins an open deal at its current amount', () =>
      spec.given([opened]).when({ type: 'WinDeal', data: { dealId } }).then([won]));

    it('wins at the latest amount', () =>
      spec
        .given([
          opened,
          {
            type: 'DealAmountChanged',
            data: { dealId, previousAmount: exact, amount: minor(900_000) },
          },
        ])
        .when({ type: 'WinDeal', data: { dealId } })
        .then([
          {
            type: 'DealWon',
            data: { dealId, amount: minor(900_000), wonAt: at },
          },
        ]));

    it('refuses a deal won already', () =>
      spec
        .given([opened, won])
        .when({ type: 'WinDeal', data: { dealId } })
        .thenThrows('DEAL_CLOSED'));

    it('refuses a lost deal', () =>
      spec
        .given([opened, lost])
        .when({ type: 'WinDeal', data: { dealId } })
        .thenThrows('DEAL_CLOSED'));

    it('refuses an unknown deal', () =>
      spec
        .given([])
        .when({ type: 'WinDeal', data: { dealId } })
        .thenThrows('DEAL_NOT_FOUND', 'not_found'));
  });

  describe('LoseDeal', () => {
    it('loses an open deal with a reason', () =>
      spec
        .given([opened])
        .when({ type: 'LoseDeal', data: { dealId, reason: 'went with a competitor' } })
        .then([lost]));

    it('refuses a deal lost already', () =>
      spec
        .given([opened, lost])
        .when({ type: 'LoseDeal', data: { dealId, reason: 'again' } })
        .thenThrows('DEAL_CLOSED'));

    it('refuses a won deal', () =>
      spec
        .given([opened, won])
        .when({ type: 'LoseDeal', data: { dealId, reason: 'changed their mind' } })
        .thenThrows('DEAL_CLOSED'));

    it('refuses an unknown deal', () =>
      spec
        .given([])
        .when({ type: 'LoseDeal', data: { dealId, reason: 'went with a competitor' } })
        .thenThrows('DEAL_NOT_FOUND', 'not_found'));
  });

  describe('ReopenDeal', () => {
    it('reopens a lost deal in the stage it was in', () =>
      spec
        .given([opened, movedToProposal, lost])
        .when({ type: 'ReopenDeal', data: { dealId, pipelineStages } })
        .then([
          {
            type: 'DealReopened',
            data: { dealId, stageId: 'stage-proposal', probability: 0.5, reopenedAt: at },
          },
        ]));

    it('reopens a won deal in the given stage', () =>
      spec
        .given([opened, won])
        .when({
          type: 'ReopenDeal',
          data: { dealId, stageId: 'stage-negotiation', pipelineStages },
        })
        .then([
          {
            type: 'DealReopened',
            data: { dealId, stageId: 'stage-negotiation', probability: 0.8, reopenedAt: at },
          },
        ]));

    it('takes the probability the stage has now', () =>
      spec
        .given([opened, lost])
        .when({
          type: 'ReopenDeal',
          data: {
            dealId,
            pipelineStages: [{ stageId: 'stage-discovery', name: 'Discovery', probability: 0.2 }],
          },
        })
        .then([
          {
            type: 'DealReopened',
            data: { dealId, stageId: 'stage-discovery', probability: 0.2, reopenedAt: at },
          },
        ]));

    it('leaves a reopened deal open to moves and closing again', () =>
      spec
        .given([
          opened,
          won,
          {
            type: 'DealReopened',
            data: { dealId, stageId: 'stage-negotiation', probability: 0.8, reopenedAt: at },
          },
        ])
        .when({
          type: 'MoveDealStage',
          data: { dealId, stageId: 'stage-proposal', pipelineStages },
        })
        .then([
          {
            type: 'DealStageMoved',
            data: {
              dealId,
              fromStageId: 'stage-negotiation',
              toStageId: 'stage-proposal',
              probability: 0.5,
              movedAt: at,
            },
          },
        ]));

    it('refuses an open deal', () =>
      spec
        .given([opened])
        .when({ type: 'ReopenDeal', data: { dealId, pipelineStages } })
        .thenThrows('DEAL_NOT_CLOSED'));

    it('refuses a stage that is not in the pipeline', () =>
      spec
        .given([opened, lost])
        .when({ type: 'ReopenDeal', data: { dealId, stageId: 'stage-unknown', pipelineStages } })
        .thenThrows('DEAL_UNKNOWN_STAGE'));

    it('refuses to default to a stage the pipeline no longer has', () =>
      spec
        .given([opened, lost])
        .when({ type: 'ReopenDeal', data: { dealId, pipelineStages: pipelineStages.slice(1) } })
        .thenThrows('DEAL_UNKNOWN_STAGE'));

    it('refuses an unknown deal', () =>
      spec
        .given([])
        .when({ type: 'ReopenDeal', data: { dealId, pipelineStages } })
        .thenThrows('DEAL_NOT_FOUND', 'not_found'));
  });

  describe('state', () => {
    it('exposes status, pipeline, stage, amount and owner', () => {
      expect(foldEvents(dealDecider, [opened, movedToProposal, won])).toEqual({
        exists: true,
        dealId,
        status: 'won',
        pipelineId: 'pipeline-1',
        stageId: 'stage-proposal',
        probability: 0.5,
        amount: exact,
        expectedCloseDate: '2026-03-31',
        ownerId: 'user-7',
      });
    });

    it('starts absent', () => {
      expect(dealDecider.initialState()).toEqual({ exists: false });
    });
  });

  it('refuses with a DomainError naming the deal', () => {
    let thrown: unknown;
    try {
      dealDecider.decide(
        { type: 'WinDeal', data: { dealId }, metadata: { now: SPEC_NOW } },
        foldEvents(dealDecider, [opened, lost]),
      );
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).details).toEqual({ dealId, status: 'lost' });
  });
});
