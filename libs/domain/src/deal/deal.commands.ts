import { Command, IsoDate, Money, MoneyInput } from '../shared';
import { PipelineStage } from '../pipeline/pipeline.commands';

/** Where a deal came from, when a lead conversion opened it. */
export type DealOrigin = { leadId: string };

/**
 * `pipelineStages` are the stages of the deal's pipeline, in order: the application layer loads
 * the pipeline and passes them in wherever the decider needs a stage.
 */
export type OpenDeal = Command<
  'OpenDeal',
  {
    dealId: string;
    title: string;
    accountId?: string;
    contactId?: string;
    amount: MoneyInput;
    pipelineId: string;
    stageId: string;
    pipelineStages: PipelineStage[];
    expectedCloseDate: IsoDate;
    ownerId: string;
    origin?: DealOrigin;
  }
>;
export type ChangeDealAmount = Command<'ChangeDealAmount', { dealId: string; amount: MoneyInput }>;
export type ChangeDealExpectedClose = Command<
  'ChangeDealExpectedClose',
  { dealId: string; expectedCloseDate: IsoDate }
>;
export type MoveDealStage = Command<
  'MoveDealStage',
  { dealId: string; stageId: string; pipelineStages: PipelineStage[] }
>;
/** What the application layer reads of the quote a deal takes its amount from. */
export type QuoteForDeal = { status: string; dealId?: string; total: Money };

/** Sets the deal's amount to an accepted quote's total; `quote` is loaded by the application layer. */
export type ApplyQuoteToDeal = Command<
  'ApplyQuoteToDeal',
  { dealId: string; quoteId: string; quote: QuoteForDeal }
>;
export type WinDeal = Command<'WinDeal', { dealId: string }>;
export type LoseDeal = Command<'LoseDeal', { dealId: string; reason: string }>;
/** `stageId` defaults to the stage the deal was closed in. */
export type ReopenDeal = Command<
  'ReopenDeal',
  { dealId: string; stageId?: string; pipelineStages: PipelineStage[] }
>;

export type DealCommand =
  | OpenDeal
  | ChangeDealAmount
  | ChangeDealExpectedClose
  | ApplyQuoteToDeal
  | MoveDealStage
  | WinDeal
  | LoseDeal
  | ReopenDeal;
