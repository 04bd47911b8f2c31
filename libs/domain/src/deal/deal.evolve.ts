import { DealEvent } from './deal.events';
import { DealState } from './deal.state';

export const evolveDeal = (state: DealState, event: DealEvent): DealState => {
  switch (event.type) {
    case 'DealOpened':
      return {
        exists: true,
        dealId: event.data.dealId,
        status: 'open',
        pipelineId: event.data.pipelineId,
        stageId: event.data.stageId,
        probability: event.data.probability,
        amount: { ...event.data.amount },
        expectedCloseDate: event.data.expectedCloseDate,
        ownerId: event.data.ownerId,
      };
    case 'DealAmountChanged':
      return state.exists ? { ...state, amount: { ...event.data.amount } } : state;
    case 'DealExpectedCloseChanged':
      return state.exists ? { ...state, expectedCloseDate: event.data.expectedCloseDate } : state;
    case 'DealStageMoved':
      return state.exists
        ? { ...state, stageId: event.data.toStageId, probability: event.data.probability }
        : state;
    case 'DealWon':
      return state.exists ? { ...state, status: 'won' } : state;
    case 'DealLost':
      return state.exists ? { ...state, status: 'lost' } : state;
    case 'DealReopened':
      return state.exists
        ? {
            ...state,
            status: 'open',
            stageId: event.data.stageId,
            probability: event.data.probability,
          }
        : state;
  }
};
