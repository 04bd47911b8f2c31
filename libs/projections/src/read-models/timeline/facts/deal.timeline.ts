import { DealEvent, Money } from '@crm/domain';
import { keptOptionalText, keptText, TimelineFacts } from '../timeline-facts';
import { excerpt, money, percent, suffix, Wording } from '../timeline-wording';

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

/** How each fact reads, worded when the timeline is read: a wording change needs no rebuild. */
export const dealWording: Wording<DealFacts> = {
  DealOpened: ({ title, amount }) => `Deal opened: ${excerpt(title, 80)} (${money(amount)})`,
  DealAmountChanged: ({ previousAmount, amount }) =>
    `Amount changed: ${money(previousAmount)} → ${money(amount)}`,
  DealStageMoved: ({ fromStageId, toStageId, probability }, names) =>
    `Stage moved: ${names.stage(fromStageId)} → ${names.stage(toStageId)} (${percent(probability)})`,
  DealWon: ({ amount }) => `Deal won (${money(amount)})`,
  DealLost: ({ reason }) => `Deal lost${suffix(reason)}`,
  DealReopened: ({ stageId, probability }, names) =>
    `Deal reopened in stage ${names.stage(stageId)} (${percent(probability)})`,
};

/** The kinds whose lines name stages of their deal's pipeline. */
export const STAGE_NAMING_KINDS: ReadonlySet<string> = new Set<keyof DealFacts>([
  'DealStageMoved',
  'DealReopened',
]);
