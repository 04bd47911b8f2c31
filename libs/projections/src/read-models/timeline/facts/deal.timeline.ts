import { DealEvent, Money } from '@crm/domain';
import { keptOptionalText, keptText, TimelineFacts } from '../timeline-facts';

/** What deal events keep for their timeline lines; stages by id, named when read. */
export type DealFacts = {
  DealOpened: { title: string; amount: Money };
  DealAmountChanged: { previousAmount: Money; amount: Money };
  DealStageMoved: { fromStageId: string; toStageId: string; probability: number };
  DealWon: { amount: Money };
  DealLost: { reason?: string };
  DealReopened: { stageId: string; probability: number };
};

/** Which deal events are on the timeline, and their facts. */
export const dealTimeline: TimelineFacts<DealEvent, DealFacts> = {
  DealOpened: (event) => {
    const { data } = event;
    return {
      occurredAt: data.openedAt,
      links: {
        dealId: data.dealId,
        contactId: data.contactId,
        accountId: data.accountId,
        leadId: data.origin?.leadId,
      },
      facts: { title: keptText(data.title), amount: data.amount },
    };
  },
  DealAmountChanged: (event) => {
    const { dealId, previousAmount, amount } = event.data;
    return { links: { dealId }, facts: { previousAmount, amount } };
  },
  DealExpectedCloseChanged: null,
  DealStageMoved: (event) => {
    const { dealId, fromStageId, toStageId, probability, movedAt } = event.data;
    return {
      occurredAt: movedAt,
      links: { dealId },
      facts: { fromStageId, toStageId, probability },
    };
  },
  DealWon: (event) => {
    return {
      occurredAt: event.data.wonAt,
      links: { dealId: event.data.dealId },
      facts: { amount: event.data.amount },
    };
  },
  DealLost: (event) => {
    return {
      occurredAt: event.data.lostAt,
      links: { dealId: event.data.dealId },
      facts: { reason: keptOptionalText(event.data.reason) },
    };
  },
  DealReopened: (event) => {
    const { dealId, stageId, probability, reopenedAt } = event.data;
    return { occurredAt: reopenedAt, links: { dealId }, facts: { stageId, probability } };
  },
};
