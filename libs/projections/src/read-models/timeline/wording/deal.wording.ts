import { DealFacts } from '../facts/deal.timeline';
import { excerpt, money, percent, suffix, Wording } from '../timeline-wording';

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
