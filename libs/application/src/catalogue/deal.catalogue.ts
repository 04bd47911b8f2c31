import {
  ApplyQuoteToDeal,
  DealState,
  MoveDealStage,
  OpenDeal,
  PipelineStage,
  PipelineState,
  QuoteState,
  quoteTotals,
  ReopenDeal,
} from '@crm/domain';
import { RecordLookup } from '../preparation/command-preparer';
import { KindCatalogue } from './command-entry';
import { IntentsOf } from './command-types';

/** The client leaves out the pipeline's stages (the preparer loads them) and may leave out the owner. */
export type OpenDealIntent = Omit<OpenDeal['data'], 'pipelineStages' | 'ownerId'> & {
  /** Defaults to the acting user. */
  ownerId?: string;
};
export type MoveDealStageIntent = Omit<MoveDealStage['data'], 'pipelineStages'>;
export type ReopenDealIntent = Omit<ReopenDeal['data'], 'pipelineStages'>;
/** The client names the quote; the preparer reads its status, deal and total. */
export type ApplyQuoteToDealIntent = Omit<ApplyQuoteToDeal['data'], 'quote'>;

export type DealIntents = IntentsOf<
  'deal',
  {
    OpenDeal: OpenDealIntent;
    MoveDealStage: MoveDealStageIntent;
    ReopenDeal: ReopenDealIntent;
    ApplyQuoteToDeal: ApplyQuoteToDealIntent;
  }
>;

const stagesOf = async (lookup: RecordLookup, pipelineId: string): Promise<PipelineStage[]> => {
  const pipeline = await lookup.state<PipelineState>('pipeline', pipelineId);
  return pipeline.exists ? pipeline.stages : [];
};

/** A deal's stage checks need its pipeline's stages, in order. */
const stagesOfDeal = async (lookup: RecordLookup, dealId: string): Promise<PipelineStage[]> => {
  const deal = await lookup.state<DealState>('deal', dealId);
  return deal.exists ? stagesOf(lookup, deal.pipelineId) : [];
};

export const dealCatalogue = {
  OpenDeal: {
    creates: true,
    permission: 'deal:open',
    references: [
      { field: 'pipelineId', kind: 'pipeline' },
      { field: 'accountId', kind: 'account' },
      { field: 'contactId', kind: 'contact' },
    ],
    prepare: async (intent, context, lookup) => ({
      ...intent,
      ownerId: intent.ownerId ?? context.actorId,
      pipelineStages: await stagesOf(lookup, intent.pipelineId),
    }),
    route: {
      method: 'POST',
      path: '/deals',
      summary: 'Open a deal in a pipeline stage',
      handler: 'open',
    },
  },
  ChangeDealAmount: {
    permission: 'deal:change-amount',
    route: {
      method: 'POST',
      path: '/deals/:id/amount',
      summary: "Change a deal's amount",
      handler: 'changeAmount',
    },
  },
  ChangeDealExpectedClose: {
    permission: 'deal:change-expected-close',
    route: {
      method: 'POST',
      path: '/deals/:id/expected-close',
      summary: "Change a deal's expected close date",
      handler: 'changeExpectedClose',
    },
  },
  ApplyQuoteToDeal: {
    permission: 'deal:apply-quote',
    references: [{ field: 'quoteId', kind: 'quote' }],
    prepare: async (intent, _context, lookup) => {
      const quote = await lookup.state<QuoteState>('quote', intent.quoteId);
      if (!quote.exists) throw new Error(`quote ${intent.quoteId} vanished`);
      const { total } = quoteTotals(quote.currency, quote.lines, quote.discountPercent);
      return { ...intent, quote: { status: quote.status, dealId: quote.dealId, total } };
    },
    route: {
      method: 'POST',
      path: '/deals/:id/amount-from-quote',
      summary: "Set a deal's amount to the total of its accepted quote",
      handler: 'applyQuote',
    },
  },
  MoveDealStage: {
    permission: 'deal:move-stage',
    prepare: async (intent, _context, lookup) => ({
      ...intent,
      pipelineStages: await stagesOfDeal(lookup, intent.dealId),
    }),
    route: {
      method: 'POST',
      path: '/deals/:id/stage',
      summary: 'Move a deal to another stage of its pipeline',
      handler: 'moveStage',
    },
  },
  WinDeal: {
    permission: 'deal:win',
    route: { method: 'POST', path: '/deals/:id/win', summary: 'Win a deal', handler: 'win' },
  },
  LoseDeal: {
    permission: 'deal:lose',
    route: { method: 'POST', path: '/deals/:id/lose', summary: 'Lose a deal', handler: 'lose' },
  },
  ReopenDeal: {
    permission: 'deal:reopen',
    prepare: async (intent, _context, lookup) => ({
      ...intent,
      pipelineStages: await stagesOfDeal(lookup, intent.dealId),
    }),
    route: {
      method: 'POST',
      path: '/deals/:id/reopen',
      summary: 'Reopen a won or lost deal',
      handler: 'reopen',
    },
  },
} satisfies KindCatalogue<'deal', DealIntents>;
