import { DealStatus, IsoDate, IsoDateTime, Money } from '@crm/domain';

/**
 * One stay of a deal in a stage. `leftAt` is set when the deal moves on to another stage; winning
 * or losing does NOT set it (see `DealDocument.stageHistory`).
 */
export type DealStageVisit = { stageId: string; enteredAt: IsoDateTime; leftAt?: IsoDateTime };

/** One deal, as the pipeline board, the deal detail page and the sales reports read it. */
export type DealDocument = {
  _id: string;
  tenantId: string;
  dealId: string;
  title: string;
  accountId?: string;
  contactId?: string;
  amount: Money;
  pipelineId: string;
  stageId: string;
  /** The probability of the current stage when the deal entered it. */
  probability: number;
  expectedCloseDate: IsoDate;
  ownerId: string;
  /** Set when a lead conversion opened the deal. */
  origin?: { leadId: string };
  status: DealStatus;
  openedAt: IsoDateTime;
  /** When the deal was won or lost; absent while it is open (cleared on reopen). */
  closedAt?: IsoDateTime;
  /**
   * The outcome of the closing in force: `wonAt` or `lostAt` (+ `lostReason`), never both, and
   * neither while the deal is open (a reopened deal loses them until it closes again).
   */
  wonAt?: IsoDateTime;
  lostAt?: IsoDateTime;
  lostReason?: string;
  reopenCount: number;
  /** When the deal entered its current stage (its last `stageHistory` entry's `enteredAt`). */
  stageEnteredAt: IsoDateTime;
  /**
   * Every stay in a stage, oldest first; entering a stage again appends a new entry. Winning or
   * losing leaves the last entry open (no `leftAt`) on purpose: stage-to-stage reports then see the
   * last stage a deal reached. Reopening into that same stage continues that entry; reopening into
   * another stage closes it at the reopening time and appends the new stage.
   */
  stageHistory: DealStageVisit[];
};
