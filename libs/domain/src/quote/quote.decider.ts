import { Decider } from '../shared';
import { QuoteCommand } from './quote.commands';
import { decideQuote } from './quote.decide';
import { QuoteEvent } from './quote.events';
import { evolveQuote, initialQuoteState, QuoteState } from './quote.state';

export const quoteDecider: Decider<QuoteCommand, QuoteEvent, QuoteState> = {
  initialState: initialQuoteState,
  evolve: evolveQuote,
  decide: decideQuote,
};
