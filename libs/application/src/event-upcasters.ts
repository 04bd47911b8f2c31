import { Upcaster } from '@crm/event-store';
import { EVENT_VERSIONS, EventVersions } from './upcasting/event-versions';
import {
  campaignCreatedV1toV2,
  dealAmountChangedV1toV2,
  dealOpenedV1toV2,
  dealWonV1toV2,
  leadConvertedV1toV2,
  quoteLineV1toV2,
  quoteTotalV1toV2,
} from './upcasting/money.upcasters';

type Step = Upcaster['upcast'];

/** One step per older version: `[v1→v2]` for an event at v2, `[v1→v2, v2→v3]` at v3. */
type ChainTo<V extends number> = V extends 1
  ? readonly []
  : V extends 2
    ? readonly [Step]
    : V extends 3
      ? readonly [Step, Step]
      : never;

/** Every event written above v1, with exactly its steps: raising a version names this table. */
export type UpcasterChains = {
  [K in keyof EventVersions as EventVersions[K] extends 1 ? never : K]: ChainTo<EventVersions[K]>;
};

export const upcasterChains: UpcasterChains = {
  CampaignCreated: [campaignCreatedV1toV2],
  DealOpened: [dealOpenedV1toV2],
  DealAmountChanged: [dealAmountChangedV1toV2],
  DealWon: [dealWonV1toV2],
  LeadConverted: [leadConvertedV1toV2],
  QuoteLineAdded: [quoteLineV1toV2],
  QuoteLineChanged: [quoteLineV1toV2],
  QuoteSent: [quoteTotalV1toV2],
  QuoteAccepted: [quoteTotalV1toV2],
};

/**
 * Every upcaster of an old event version, oldest first, from the typed chains. Changing an
 * event's shape means a new version in EVENT_VERSIONS, a step here from the old data to the new,
 * and a golden fixture of the new form.
 */
export const eventUpcasters: Upcaster[] = Object.entries(upcasterChains).flatMap(
  ([eventType, steps]: [string, readonly Step[]]) =>
    steps.map((upcast, index) => ({ eventType, fromVersion: index + 1, upcast })),
);

export { EVENT_VERSIONS };
