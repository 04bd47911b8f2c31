import {
  amountProblem,
  copyMoney,
  IsoDate,
  isIsoDate,
  Money,
  MoneyInput,
  moneyProblem,
  sameMoney,
  toMoney,
} from '../shared';
import { dealErrors } from './deal.errors';
import { PipelineStage } from '../pipeline/pipeline.commands';
import { DealCommand } from './deal.commands';
import { DealEvent } from './deal.events';
import { DealState } from './deal.state';

type ExistingDeal = Extract<DealState, { exists: true }>;

const assertExists = (state: DealState, dealId: string): ExistingDeal => {
  if (!state.exists) throw dealErrors.notFound(dealId);
  return state;
};

const assertOpen = (state: DealState, dealId: string): ExistingDeal => {
  const deal = assertExists(state, dealId);
  if (deal.status !== 'open') {
    throw dealErrors.rule('DEAL_CLOSED', `deal ${dealId} is ${deal.status}`, {
      dealId,
      status: deal.status,
    });
  }
  return deal;
};

/** The stage of the deal's pipeline the command names; its probability goes into the event. */
const findStage = (
  dealId: string,
  pipelineStages: readonly PipelineStage[],
  stageId: string,
): PipelineStage => {
  const stage = pipelineStages.find((candidate) => candidate.stageId === stageId);
  if (!stage) {
    throw dealErrors.rule('DEAL_UNKNOWN_STAGE', `stage ${stageId} is not in the deal's pipeline`, {
      dealId,
      stageId,
      knownStageIds: pipelineStages.map((candidate) => candidate.stageId),
    });
  }
  return stage;
};

/** The amount in minor units, once it is a valid, exact amount of its currency. */
const validAmount = (dealId: string, amount: MoneyInput): Money => {
  switch (moneyProblem(amount)) {
    case 'not_finite':
      throw dealErrors.rule('DEAL_INVALID_AMOUNT', `deal amount must be a finite number`, {
        dealId,
        amount: String(amount.amount),
      });
    case 'negative':
      throw dealErrors.rule('DEAL_NEGATIVE_AMOUNT', `deal amount cannot be negative`, {
        dealId,
        amount: amount.amount,
      });
    case 'invalid_currency':
      throw dealErrors.rule(
        'DEAL_INVALID_CURRENCY',
        `currency must be a 3-letter upper-case code, not "${amount.currency}"`,
        { dealId, currency: amount.currency },
      );
  }
  const inexact = amountProblem(amount);
  if (inexact) {
    throw dealErrors.rule('DEAL_INVALID_AMOUNT', inexact, {
      dealId,
      amount: String(amount.amount),
    });
  }
  return toMoney(amount);
};

const assertValidCloseDate = (dealId: string, expectedCloseDate: IsoDate): void => {
  if (!isIsoDate(expectedCloseDate)) {
    throw dealErrors.rule(
      'DEAL_INVALID_EXPECTED_CLOSE_DATE',
      `expected close date must be a YYYY-MM-DD date, not "${expectedCloseDate}"`,
      { dealId, expectedCloseDate },
    );
  }
};

const isFilled = (value: string | undefined): boolean =>
  value !== undefined && value.trim().length > 0;

export const decideDeal = (command: DealCommand, state: DealState): DealEvent[] => {
  const now = command.metadata.now.toISOString();
  switch (command.type) {
    case 'OpenDeal': {
      const { dealId, accountId, contactId, amount, stageId, pipelineStages } = command.data;
      if (state.exists) throw dealErrors.alreadyExists(dealId);
      if (!isFilled(accountId) && !isFilled(contactId)) {
        throw dealErrors.rule('DEAL_NO_PARTY', `deal ${dealId} needs an account or a contact`, {
          dealId,
        });
      }
      const stage = findStage(dealId, pipelineStages, stageId);
      const exact = validAmount(dealId, amount);
      assertValidCloseDate(dealId, command.data.expectedCloseDate);
      const { title, pipelineId, expectedCloseDate, ownerId, origin } = command.data;
      return [
        {
          type: 'DealOpened',
          data: {
            dealId,
            title,
            ...(accountId !== undefined ? { accountId } : {}),
            ...(contactId !== undefined ? { contactId } : {}),
            amount: exact,
            pipelineId,
            stageId,
            probability: stage.probability,
            expectedCloseDate,
            ownerId,
            ...(origin !== undefined ? { origin: { leadId: origin.leadId } } : {}),
            openedAt: now,
          },
        },
      ];
    }
    case 'ChangeDealAmount': {
      const { dealId, amount } = command.data;
      const deal = assertOpen(state, dealId);
      const exact = validAmount(dealId, amount);
      if (sameMoney(deal.amount, exact)) return [];
      return [
        {
          type: 'DealAmountChanged',
          data: { dealId, previousAmount: copyMoney(deal.amount), amount: exact },
        },
      ];
    }
    case 'ApplyQuoteToDeal': {
      const { dealId, quoteId, quote } = command.data;
      const deal = assertOpen(state, dealId);
      if (quote.dealId !== dealId) {
        throw dealErrors.rule(
          'DEAL_QUOTE_FOR_OTHER_DEAL',
          `quote ${quoteId} is not for deal ${dealId}`,
          {
            dealId,
            quoteId,
            quoteDealId: quote.dealId ?? null,
          },
        );
      }
      if (quote.status !== 'accepted') {
        throw dealErrors.rule('DEAL_QUOTE_NOT_ACCEPTED', `quote ${quoteId} is ${quote.status}`, {
          dealId,
          quoteId,
          status: quote.status,
        });
      }
      if (quote.total.currency !== deal.amount.currency) {
        throw dealErrors.rule(
          'DEAL_CURRENCY_MISMATCH',
          `the deal is in ${deal.amount.currency}, the quote in ${quote.total.currency}`,
          { dealId, quoteId, currency: deal.amount.currency, quoteCurrency: quote.total.currency },
        );
      }
      if (sameMoney(deal.amount, quote.total)) return [];
      return [
        {
          type: 'DealAmountChanged',
          data: {
            dealId,
            previousAmount: copyMoney(deal.amount),
            amount: copyMoney(quote.total),
            quoteId,
          },
        },
      ];
    }
    case 'ChangeDealExpectedClose': {
      const { dealId, expectedCloseDate } = command.data;
      const deal = assertOpen(state, dealId);
      assertValidCloseDate(dealId, expectedCloseDate);
      if (deal.expectedCloseDate === expectedCloseDate) return [];
      return [
        {
          type: 'DealExpectedCloseChanged',
          data: { dealId, previousExpectedCloseDate: deal.expectedCloseDate, expectedCloseDate },
        },
      ];
    }
    case 'MoveDealStage': {
      const { dealId, stageId, pipelineStages } = command.data;
      const deal = assertOpen(state, dealId);
      const stage = findStage(dealId, pipelineStages, stageId);
      if (deal.stageId === stageId) return [];
      return [
        {
          type: 'DealStageMoved',
          data: {
            dealId,
            fromStageId: deal.stageId,
            toStageId: stageId,
            probability: stage.probability,
            movedAt: now,
          },
        },
      ];
    }
    case 'WinDeal': {
      const { dealId } = command.data;
      const deal = assertOpen(state, dealId);
      return [{ type: 'DealWon', data: { dealId, amount: copyMoney(deal.amount), wonAt: now } }];
    }
    case 'LoseDeal': {
      const { dealId, reason } = command.data;
      assertOpen(state, dealId);
      return [{ type: 'DealLost', data: { dealId, reason, lostAt: now } }];
    }
    case 'ReopenDeal': {
      const { dealId, pipelineStages } = command.data;
      const deal = assertExists(state, dealId);
      if (deal.status === 'open') {
        throw dealErrors.rule('DEAL_NOT_CLOSED', `deal ${dealId} is still open`, {
          dealId,
          status: deal.status,
        });
      }
      const stageId = command.data.stageId ?? deal.stageId;
      const stage = findStage(dealId, pipelineStages, stageId);
      return [
        {
          type: 'DealReopened',
          data: { dealId, stageId, probability: stage.probability, reopenedAt: now },
        },
      ];
    }
  }
};
