import { DealEvent } from '@crm/domain';
import { TimelineFacts } from '../timeline-facts';
import { excerpt, suffix, money, percent } from '../timeline-wording';

/** How deal events read on the timeline. */
export const dealTimeline: TimelineFacts<DealEvent> = {
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
      summary: `Deal opened: ${excerpt(data.title, 80)} (${money(data.amount)})`,
    };
  },
  DealAmountChanged: (event) => {
    const { dealId, previousAmount, amount } = event.data;
    return {
      links: { dealId },
      summary: `Amount changed: ${money(previousAmount)} → ${money(amount)}`,
    };
  },
  DealExpectedCloseChanged: null,
  DealStageMoved: (event) => {
    const { dealId, fromStageId, toStageId, probability, movedAt } = event.data;
    return {
      occurredAt: movedAt,
      links: { dealId },
      summary: `Stage moved: ${fromStageId} → ${toStageId} (${percent(probability)})`,
    };
  },
  DealWon: (event) => {
    return {
      occurredAt: event.data.wonAt,
      links: { dealId: event.data.dealId },
      summary: `Deal won (${money(event.data.amount)})`,
    };
  },
  DealLost: (event) => {
    return {
      occurredAt: event.data.lostAt,
      links: { dealId: event.data.dealId },
      summary: `Deal lost${suffix(event.data.reason)}`,
    };
  },
  DealReopened: (event) => {
    const { dealId, stageId, probability, reopenedAt } = event.data;
    return {
      occurredAt: reopenedAt,
      links: { dealId },
      summary: `Deal reopened in stage ${stageId} (${percent(probability)})`,
    };
  },
};
