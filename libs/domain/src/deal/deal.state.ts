import { IsoDate, Money } from '../shared';

export type DealStatus = 'open' | 'won' | 'lost';

/** A won or lost deal keeps the `stageId` it was closed in, so a reopening can return to it. */
export type DealState =
  | { exists: false }
  | {
      exists: true;
      dealId: string;
      status: DealStatus;
      pipelineId: string;
      stageId: string;
      probability: number;
      amount: Money;
      expectedCloseDate: IsoDate;
      ownerId: string;
    };

export const initialDealState = (): DealState => ({ exists: false });
