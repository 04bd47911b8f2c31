import { DomainEvent, IsoDate, IsoDateTime, Money } from '../shared';
import { DealOrigin } from './deal.commands';

export type DealOpened = DomainEvent<
  'DealOpened',
  {
    dealId: string;
    title: string;
    accountId?: string;
    contactId?: string;
    amount: Money;
    pipelineId: string;
    stageId: string;
    /** The stage's probability when the deal entered it. */
    probability: number;
    expectedCloseDate: IsoDate;
    ownerId: string;
    origin?: DealOrigin;
    openedAt: IsoDateTime;
  }
>;
export type DealAmountChanged = DomainEvent<
  'DealAmountChanged',
  /** `quoteId` when the amount is an accepted quote's total. */
  { dealId: string; previousAmount: Money; amount: Money; quoteId?: string }
>;
export type DealExpectedCloseChanged = DomainEvent<
  'DealExpectedCloseChanged',
  { dealId: string; previousExpectedCloseDate: IsoDate; expectedCloseDate: IsoDate }
>;
export type DealStageMoved = DomainEvent<
  'DealStageMoved',
  {
    dealId: string;
    fromStageId: string;
    toStageId: string;
    probability: number;
    movedAt: IsoDateTime;
  }
>;
export type DealWon = DomainEvent<'DealWon', { dealId: string; amount: Money; wonAt: IsoDateTime }>;
export type DealLost = DomainEvent<
  'DealLost',
  { dealId: string; reason: string; lostAt: IsoDateTime }
>;
export type DealReopened = DomainEvent<
  'DealReopened',
  { dealId: string; stageId: string; probability: number; reopenedAt: IsoDateTime }
>;

export type DealEvent =
  | DealOpened
  | DealAmountChanged
  | DealExpectedCloseChanged
  | DealStageMoved
  | DealWon
  | DealLost
  | DealReopened;
